#!/usr/bin/python3
# notify-server.py — a stand-in desktop notification server for the desk's
# GUI test: owns org.freedesktop.Notifications on the session bus, appends
# every Notify call (with the caller's pid) as one JSON line to LOG, and "clicks" notification N
# (emits ActionInvoked(N, "default")) when a file CLICKDIR/N appears.
# Usage: notify-server.py LOG CLICKDIR   (prints READY when it owns the name)
import json
import os
import sys

import gi
gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
  </interface>
</node>
"""

log_path, click_dir = sys.argv[1], sys.argv[2]
state = {"next": 1, "conn": None, "open": set()}


def emit(name, params):
    state["conn"].emit_signal(None, "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                              name, params)


def on_call(conn, sender, path, iface, method, params, invocation):
    if method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("tiepdon-test", "tiepdon", "1", "1.2")))
    elif method == "Notify":
        app, replaces, icon, summary, body, actions, hints, timeout = params.unpack()
        nid = replaces or state["next"]
        if not replaces:
            state["next"] += 1
        state["open"].add(nid)
        pid = conn.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                             "GetConnectionUnixProcessID", GLib.Variant("(s)", (sender,)),
                             GLib.VariantType("(u)"), Gio.DBusCallFlags.NONE, -1, None).unpack()[0]
        with open(log_path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"id": nid, "pid": pid, "app": app, "summary": summary, "body": body,
                                "actions": actions, "urgency": hints.get("urgency")},
                               ensure_ascii=False) + "\n")
        invocation.return_value(GLib.Variant("(u)", (nid,)))
    elif method == "CloseNotification":
        nid = params.unpack()[0]
        if nid in state["open"]:
            state["open"].discard(nid)
            emit("NotificationClosed", GLib.Variant("(uu)", (nid, 3)))
        invocation.return_value(None)


def poll_clicks():
    for name in os.listdir(click_dir):
        os.unlink(os.path.join(click_dir, name))
        nid = int(name)
        emit("ActionInvoked", GLib.Variant("(us)", (nid, "default")))
    return True


def on_bus(conn, name):
    state["conn"] = conn
    node = Gio.DBusNodeInfo.new_for_xml(XML)
    conn.register_object("/org/freedesktop/Notifications", node.interfaces[0], on_call, None, None)


def on_name(conn, name):
    print("READY", flush=True)


Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.Notifications", Gio.BusNameOwnerFlags.NONE,
                 on_bus, on_name, lambda *a: sys.exit("could not own org.freedesktop.Notifications"))
GLib.timeout_add(100, poll_clicks)
GLib.MainLoop().run()
