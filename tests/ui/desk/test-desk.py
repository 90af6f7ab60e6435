#!/usr/bin/python3
# test-desk.py — the nurse's desk end to end, under Xvfb, driven through
# AT-SPI by accessible names: the real broker, a kiosk (tiepdonctl help
# raise) reporting an expired card and a mismatch, two desks (lan, hoa),
# a test notification server on the session bus. A desk is notified,
# the notification opens the request, both nurses take it at once (one
# wins, the other is told in the window), the winner switches the visit
# to self-pay with a reason, the kiosk's override applier writes the new
# revision to its spool, and the audit trail answers who, when and why.
# Run inside: xvfb-run -a dbus-run-session -- test-desk.py
# Screenshots of every screen go to $TIEPDON_BUILD_DIR/screenshots/desk.
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pyatspi

BUILD = os.environ["TIEPDON_BUILD_DIR"]
SRC = os.environ["TIEPDON_SOURCE_DIR"]
CTL = os.environ["TIEPDONCTL"]
BROKER = os.environ["TIEPDON_BROKER"]
DESK = os.environ["TIEPDON_DESK"]
HERE = os.path.dirname(os.path.abspath(__file__))
SHOTS = os.path.join(BUILD, "screenshots", "desk")

n = 0
failed = 0
procs = []
tmp = tempfile.mkdtemp(prefix="tdn-desk-ui-")
os.chmod(tmp, 0o700)


def ok(cond, what):
    global n, failed
    n += 1
    if not cond:
        failed += 1
    print(("ok" if cond else "not ok") + " %d - %s" % (n, what), flush=True)
    return cond


def cleanup():
    for p in reversed(procs):
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
    # Keep the programs' logs next to the screenshots for whoever reads a failure.
    os.makedirs(SHOTS, exist_ok=True)
    for name in ("desk-a.log", "desk-b.log", "desk-c.log", "broker.err"):
        if os.path.exists(os.path.join(tmp, name)):
            shutil.copy(os.path.join(tmp, name), os.path.join(SHOTS, name))
    shutil.rmtree(tmp, ignore_errors=True)


def bail(msg):
    print("Bail out! " + msg, flush=True)
    cleanup()
    sys.exit(1)


def wait_for(fn, timeout=15.0, step=0.1):
    end = time.monotonic() + timeout
    while True:
        v = fn()
        if v or time.monotonic() > end:
            return v
        time.sleep(step)


def sha(s):
    return hashlib.sha256(s.encode()).hexdigest()


def write(path, text, mode=0o600):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(path, mode)


def ctl(*args, stdin=None, config=None):
    cmd = [CTL] + list(args) + (["--config", config] if config else [])
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=60)


def screen(n):
    return os.environ["DISPLAY"].split(".")[0] + ".%d" % n


def shot(name, n=0):
    os.makedirs(SHOTS, exist_ok=True)
    time.sleep(0.4)   # let the last change reach the screen
    subprocess.run(["import", "-display", screen(n), "-window", "root", os.path.join(SHOTS, name + ".png")],
                   check=False)


# --- AT-SPI helpers ------------------------------------------------------

def showing(acc):
    # GTK 4.8 leaves hidden widgets out of the tree and sets VISIBLE (not
    # SHOWING) on the rest.
    try:
        return acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def find_all(root, name=None, role=None, contains=None, only_showing=True):
    out = []

    def walk(acc, depth):
        if depth > 40:
            return
        for i in range(acc.childCount):
            try:
                c = acc.getChildAtIndex(i)
            except Exception:
                continue
            if c is None:
                continue
            if only_showing and not showing(c):
                continue
            try:
                nm, rl = c.name or "", c.getRoleName()
            except Exception:
                continue
            if (name is None or nm == name) and (role is None or rl == role) and \
               (contains is None or contains in nm):
                out.append(c)
            walk(c, depth + 1)
    walk(root, 0)
    return out


def find(root, name=None, role=None, contains=None, timeout=10.0):
    r = wait_for(lambda: find_all(root, name, role, contains), timeout)
    return r[0] if r else None


def press(acc):
    act = acc.queryAction()
    for i in range(act.nActions):
        if act.getName(i) in ("click", "activate", "press"):
            return act.doAction(i)
    return act.doAction(0)


def click(root, name, role="push button", timeout=15.0):
    """Finds the control by accessible name and activates it, retrying while
    the accessibility tree is being rebuilt."""
    end = time.monotonic() + timeout
    while True:
        acc = find(root, name, role, timeout=2)
        try:
            if acc is not None and acc.getState().contains(pyatspi.STATE_SENSITIVE):
                press(acc)
                return True
        except Exception:
            pass
        if time.monotonic() > end:
            return False
        time.sleep(0.2)


def select_row(row):
    # A list row has no action: select it through its list.
    return row.parent.querySelection().selectChild(row.getIndexInParent())


def type_into(acc, text):
    acc.queryEditableText().setTextContents(text)


def desk_app(pid):
    def look():
        for a in pyatspi.Registry.getDesktop(0):
            try:
                if a is not None and a.get_process_id() == pid:
                    return a
            except Exception:
                pass
        return None
    return wait_for(look, 90)   # slow under the sanitizers


# --- the world -------------------------------------------------------------

def start_bhxh():
    p = subprocess.Popen(["/usr/bin/python3", os.path.join(SRC, "tests", "sim", "bhxh-sim.py"), "--port", "0",
                          "--data", os.path.join(SRC, "tests", "sim", "people.json")],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    procs.append(p)
    line = p.stdout.readline()
    if not line.startswith("PORT"):
        bail("the BHXH simulator did not start")
    return int(line.split()[1])


def start_broker():
    bhxh_port = start_bhxh()
    pins = {}
    for login, pin in (("lan", "246810"), ("hoa", "135791"), ("minh", "975310")):
        r = ctl("staff", "hash-pin", "--iterations", "1000", stdin=pin + "\n")
        pins[login] = r.stdout.strip().split("=", 1)[1]
    write(tmp + "/broker.conf", f"""[broker]
listen=http://127.0.0.1:0/
database={tmp}/broker.db
facility_code=01999
[bhxh]
url=http://127.0.0.1:{bhxh_port}/
username=01999_BV
password=sim-password
officer_name=Phạm Văn Bình
officer_cccd=001085009876
[nurses]
max_pin_failures=3
[client K2]
token_sha256={sha('kiosk-k2-secret')}
[client DESK1]
token_sha256={sha('desk-1-secret')}
desk=true
[client DESK2]
token_sha256={sha('desk-2-secret')}
desk=true
[staff lan]
display_name=Nguyễn Thị Lan
pin_hash={pins['lan']}
[staff hoa]
display_name=Trần Thị Hoa
pin_hash={pins['hoa']}
[staff minh]
display_name=Lê Văn Minh
pin_hash={pins['minh']}
""")
    p = subprocess.Popen([BROKER, "--config", tmp + "/broker.conf"], stdout=subprocess.PIPE,
                         stderr=open(tmp + "/broker.err", "w"), text=True)
    procs.append(p)
    line = p.stdout.readline()
    if not line.startswith("LISTENING"):
        bail("broker did not start: " + open(tmp + "/broker.err").read())
    return "http://127.0.0.1:%s/" % line.split()[1]


CLINICS = """[queue]
clinics=NOI;NGOAI
[clinic NOI]
name_vi=Khám Nội
name_en=Internal medicine
prefix=A
hours=00:00-23:59
[clinic NGOAI]
name_vi=Khám Ngoại
name_en=Surgery
prefix=B
hours=00:00-23:59
"""


def desk_config(name, token, base, signout_s, scanner):
    write(f"{tmp}/{name}-token", token + "\n")
    os.makedirs(f"{tmp}/{name}-state", 0o700, exist_ok=True)
    write(f"{tmp}/{name}.conf", f"""[desk]
id={name}
broker_url={base}
token_file={tmp}/{name}-token
auto_signout_s={signout_s}
[spool]
path={tmp}/{name}-state/spool.db
key_file={tmp}/{name}-state/spool.key
[reader]
# No pcscd of its own here: the chip glue is tests/unit/deskchip's.
enabled=false
[scanner]
""" + (f"backend=serial\ndevice={scanner}\n" if scanner else "backend=none\n") + CLINICS)
    return f"{tmp}/{name}.conf"


def start_desk(config, log, n, language=None):
    env = dict(os.environ, GDK_BACKEND="x11", GTK_A11Y="atspi", GSK_RENDERER="cairo", DISPLAY=screen(n))
    if language:
        env["LANGUAGE"] = language
    env.pop("NO_AT_BRIDGE", None)
    env.pop("G_DEBUG", None)   # libadwaita warns about the X11 portal under Xvfb
    p = subprocess.Popen([DESK, "--separate", "--config", config], env=env,
                         stdout=open(log, "w"), stderr=subprocess.STDOUT)
    procs.append(p)
    return p


def notifications():
    try:
        with open(tmp + "/notify.log", encoding="utf-8") as f:
            return [json.loads(x) for x in f if x.strip()]
    except FileNotFoundError:
        return []


def sign_in(app, login, pin):
    entry = find(app, "Nurse login", "text")
    pin_entry = find(app, "PIN", "password text")
    if entry is None or pin_entry is None:
        return False
    type_into(entry, login)
    type_into(pin_entry, pin)
    click(app, "Sign in", "push button")
    return True


def main():
    base = start_broker()
    kiosk_conf = tmp + "/kiosk.conf"
    os.mkdir(tmp + "/state", 0o700)
    write(tmp + "/kiosk-token", "kiosk-k2-secret\n")
    write(kiosk_conf, f"""[kiosk]
id=K2
[eligibility]
broker_url={base}
token_file={tmp}/kiosk-token
[spool]
path={tmp}/state/spool.db
key_file={tmp}/state/spool.key
""" + CLINICS)
    visits = []
    for name in ("Nguyễn Thị Mai", "Lê Văn Hùng"):
        r = ctl("spool", "add-test-visit", "--clinic", "NOI", "--payment", "bhyt", "--name", name, "--json",
                config=kiosk_conf)
        if r.returncode != 0:
            bail("add-test-visit: " + r.stderr)
        visits.append(json.loads(r.stdout))

    os.mkdir(tmp + "/clicks")
    ns = subprocess.Popen(["/usr/bin/python3", os.path.join(HERE, "notify-server.py"), tmp + "/notify.log",
                           tmp + "/clicks"], stdout=subprocess.PIPE, text=True)
    procs.append(ns)
    ok(ns.stdout.readline().strip() == "READY", "a notification server owns the session bus name")

    # Desk A has a serial QR scanner: a pseudo-terminal the test types into.
    scanner_master, scanner_slave = os.openpty()
    desk_a = start_desk(desk_config("DESK1", "desk-1-secret", base, 600, os.ttyname(scanner_slave)),
                        tmp + "/desk-a.log", 0)
    desk_b = start_desk(desk_config("DESK2", "desk-2-secret", base, 45, None), tmp + "/desk-b.log", 1)
    app_a = desk_app(desk_a.pid)
    app_b = desk_app(desk_b.pid)
    if app_a is None or app_b is None:
        bail("the desks did not appear on the accessibility bus: " + open(tmp + "/desk-a.log").read())
    ok(find(app_a, "Sign in", "push button") is not None, "desk A shows the sign-in page")
    shot("01-sign-in")

    # A wrong PIN is refused with a message; the broker counts it.
    sign_in(app_a, "lan", "000000")
    ok(find(app_a, "Wrong login or PIN.") is not None, "a wrong PIN is refused in the window")
    shot("02-wrong-pin")

    # Wrong PINs lock the account (max_pin_failures=3 at this broker); the desk says for how long.
    locked = None
    for _ in range(4):
        sign_in(app_a, "minh", "111111")
        locked = find(app_a, contains="Too many wrong PINs", timeout=3)
        if locked is not None:
            break
    ok(locked is not None and locked.name.startswith("Too many wrong PINs. Try again in"),
       "repeated wrong PINs lock the account, and the desk says for how long")
    shot("02-locked")
    sign_in(app_a, "minh", "975310")
    ok(find(app_a, contains="Too many wrong PINs", timeout=5) is not None, "even the right PIN waits out the lock")

    sign_in(app_a, "lan", "246810")
    ok(find(app_a, "Patients waiting for help", "label") is not None, "lan signs in at desk A")
    ok(find(app_a, "No one is waiting") is not None, "the empty list says no one is waiting")
    sign_in(app_b, "hoa", "135791")
    ok(find(app_b, "Patients waiting for help", "label") is not None, "hoa signs in at desk B")
    t_signed_in_b = time.monotonic()
    shot("03-empty-list")

    # The kiosk raises two requests: an expired card (with the chip photo) and a mismatch.
    photo = tmp + "/photo.jpg"
    subprocess.run(["convert", "-size", "240x320", "gradient:#c8d8e8-#f0f0f0", "-fill", "#806040",
                    "-draw", "circle 120,130 120,70", "-draw", "rectangle 50,210 190,320",
                    "-quality", "85", photo], check=True)
    t0 = time.monotonic()
    r1 = ctl("help", "raise", "--reason", "expired_card", "--visit", visits[0]["visit_id"],
             "--ticket", visits[0]["queue_number"], "--masked-name", "N. T. M.", "--masked-id", "0011******45",
             "--age", "81", "--assurance", "chip+pa", "--eligibility-code", "010", "--photo", photo,
             "--language", "vi", "--json", config=kiosk_conf)
    ok(r1.returncode == 0, "the kiosk raises an expired-card request " + r1.stderr.strip())
    help1 = json.loads(r1.stdout)["id"] if r1.returncode == 0 else bail(r1.stderr)
    got = wait_for(lambda: [x for x in notifications()
                            if visits[0]["queue_number"] in x["summary"] and x["pid"] == desk_a.pid], 10, 0.05)
    latency = time.monotonic() - t0
    ok(bool(got), "desk A raised a notification for it (%.2f s after the kiosk)" % latency)
    ok(wait_for(lambda: [x for x in notifications()
                         if visits[0]["queue_number"] in x["summary"] and x["pid"] == desk_b.pid], 10),
       "and so did desk B")
    print("# notification latency %.3f s" % latency)
    ok(bool(got) and "default" in got[0]["actions"], "the notification has a default action")
    r2 = ctl("help", "raise", "--reason", "input_mismatch", "--visit", visits[1]["visit_id"],
             "--ticket", visits[1]["queue_number"], "--masked-name", "L. V. H.", "--masked-id", "0790******12",
             "--age", "45", "--assurance", "qr", "--eligibility-code", "052", "--json", config=kiosk_conf)
    ok(r2.returncode == 0, "the kiosk raises a mismatch request")
    ok(wait_for(lambda: [x for x in notifications() if visits[1]["queue_number"] in x["summary"]], 10),
       "and the desk notifies that one too")
    ok(find(app_a, contains=visits[1]["queue_number"] + ",", role="list item") is not None,
       "both requests are in the list, with reason and waiting time")

    # Clicking the notification opens the request.
    open(tmp + "/clicks/%d" % got[0]["id"], "w").close()
    ticket_a = find(app_a, visits[0]["queue_number"], "label", timeout=10)
    ok(ticket_a is not None and find(app_a, "Take this patient", "push button") is not None,
       "clicking the notification opens the expired-card request")
    ok(find(app_a, contains="signature verified", role="label") is not None,
       "the detail shows how the identity was checked")
    shot("04-request-detail")

    # Desk B opens the same request; both nurses take it at the same moment.
    b_row = find(app_b, contains=visits[0]["queue_number"] + ",", role="list item")
    if b_row is not None:
        select_row(b_row)
    take_b = find(app_b, "Take this patient", "push button")
    take_a = find(app_a, "Take this patient", "push button")
    ok(take_a is not None and take_b is not None, "both desks show the request open")
    if take_a is not None and take_b is not None:
        press(take_a)
        press(take_b)
    mine_a = find(app_a, "You are helping this patient", "label", timeout=8)
    mine_b = find_all(app_b, "You are helping this patient", "label")
    told_b = find(app_b, "lan is already helping this patient.", timeout=8)
    told_a = find_all(app_a, "hoa is already helping this patient.")
    one_wins = (mine_a is not None and told_b is not None and not mine_b) or \
               (mine_b and told_a and mine_a is None)
    ok(one_wins, "two nurses take it at once: one wins, the other is told in the window")
    winner, loser = (app_a, app_b) if mine_a is not None else (app_b, app_a)
    winner_login = "lan" if winner is app_a else "hoa"
    shot("05-claim-won", 0 if winner is app_a else 1)
    shot("05-claim-lost-on-other-desk", 1 if winner is app_a else 0)

    # The winner switches the visit to self-pay, with a reason.
    click(winner, "Switch to self-pay…", "push button")
    reason = find(winner, "Reason (recorded with your name)", "text")
    ok(reason is not None, "the override asks for a reason")
    type_into(reason, "Thẻ BHYT hết hạn, người bệnh đồng ý tự trả")
    shot("06-override-dialog", 0 if winner is app_a else 1)
    click(winner, "Switch to self-pay", "push button")
    ok(find(winner, contains="switched to self-pay", role="label", timeout=10) is not None,
       "the override is recorded and listed in the detail")

    # The kiosk applies it as a new revision of the visit.
    r = ctl("help", "apply", "--once", "--json", config=kiosk_conf)
    applied = json.loads(r.stdout) if r.returncode == 0 else {}
    ok(applied.get("applied") == 1, "the kiosk's override applier writes one revision " + r.stderr.strip())
    r = ctl("spool", "status", "--json", config=kiosk_conf)
    ok(json.loads(r.stdout)["pending"] == 3, "the new revision waits in the spool for syncd")
    ok(find(winner, contains="applied at the kiosk", role="label", timeout=10) is not None,
       "the desk sees that the kiosk applied it")
    shot("07-override-applied", 0 if winner is app_a else 1)

    r = ctl("help", "audit", visits[0]["visit_id"], "--json", config=kiosk_conf)
    audit = json.loads(r.stdout)["audit"] if r.returncode == 0 else []
    rows = [a for a in audit if a["action"] == "override:self_pay"]
    ok(len(rows) == 1 and rows[0]["actor"] == winner_login and rows[0]["at"]
       and "tự trả" in rows[0]["detail"]["reason"] and rows[0]["detail"]["new"] == {"payment": "self_pay"}
       and rows[0]["detail"]["old"] == {"payment": "bhyt"},
       "the spool's audit answers who changed the visit, when, and why")
    pin = "246810" if winner_login == "lan" else "135791"
    desk_conf = tmp + ("/DESK1.conf" if winner_login == "lan" else "/DESK2.conf")
    r = ctl("help", "overrides", help1, "--login", winner_login, "--json", stdin=pin + "\n", config=desk_conf)
    trail = json.loads(r.stdout)["overrides"] if r.returncode == 0 else []
    ok(len(trail) == 1 and trail[0]["nurse"] == winner_login and trail[0]["created_at"]
       and trail[0]["applied"]["outcome"] == "applied" and trail[0]["applied"]["revision"] == 2,
       "the broker's audit trail says who, when, why, and that the kiosk applied it")

    # Finishing the request takes it off both desks.
    click(winner, "Done…", "push button")
    done = find(winner, "What was done", "text")
    if done is not None:
        type_into(done, "Đã chuyển sang tự trả")
    click(winner, "Done", "push button")
    ok(wait_for(lambda: not find_all(app_a, contains=visits[0]["queue_number"] + ",", role="list item")
                and not find_all(app_b, contains=visits[0]["queue_number"] + ",", role="list item"), 10),
       "a finished request leaves both desks' lists")
    shot("08-after-resolve", 0 if winner is app_a else 1)

    # A patient who skipped the kiosk is registered at desk A from the ID card's QR code.
    click(app_a, "Register a patient…", "push button")
    form = find(app_a, "Register a patient")
    ok(form is not None and find(form, "ID number", "text") is not None, "the registration form opens")
    qr = "001195012345|012345678|Trần Thị Bình|01021995|Nữ|12 Hàng Bạc, Hoàn Kiếm, Hà Nội|15082021"
    os.write(scanner_master, qr.encode() + b"\r\n")
    name = find(form, "Full name", "text")
    def text_of(acc):
        t = acc.queryText()
        return t.getText(0, t.characterCount)
    filled = wait_for(lambda: text_of(name) == "Trần Thị Bình", 10)
    ok(filled and find(form, contains="Filled from the ID card's QR code") is not None,
       "scanning the ID card's QR code fills the form")
    shot("11-register-scanned")
    click(form, "Register", "push button")
    ok(find(form, "Registered: queue number DESK1-A001.", timeout=10) is not None,
       "the patient is registered with a queue number")
    shot("12-registered")
    r = ctl("spool", "status", "--json", config=tmp + "/DESK1.conf")
    ok(r.returncode == 0 and json.loads(r.stdout)["pending"] == 1, "the visit waits in the desk's spool for syncd")
    click(form, "Close", "push button")

    # Desk B signs its nurse out after its inactivity limit (45 s here).
    remaining = 45 - (time.monotonic() - t_signed_in_b)
    ok(find(app_b, contains="signed out after 45 seconds", timeout=max(5, remaining + 15)) is not None,
       "desk B signs the nurse out after inactivity")
    ok(find(app_b, "Sign in", "push button") is not None, "and shows the sign-in page again")
    shot("09-auto-signed-out", 1)
    click(app_a, "Sign out", "push button")
    ok(find(app_a, "Signed out.", timeout=10) is not None, "signing out at desk A")
    shot("10-signed-out")

    # The desk in Vietnamese, as the nurses use it: desk B's place on screen 1.
    desk_b.terminate()
    desk_b.wait(10)
    desk_c = start_desk(tmp + "/DESK2.conf", tmp + "/desk-c.log", 1, language="vi")
    app_c = desk_app(desk_c.pid)
    entry = find(app_c, "Tên đăng nhập điều dưỡng", "text") if app_c else None
    ok(entry is not None, "the desk speaks Vietnamese")
    if entry is not None:
        shot("13-vi-sign-in", 1)
        type_into(entry, "hoa")
        type_into(find(app_c, "Mã PIN", "password text"), "135791")
        click(app_c, "Đăng nhập", "push button")
        row = find(app_c, contains=visits[1]["queue_number"] + ",", role="list item")
        ok(row is not None and find(app_c, "Người bệnh đang chờ hỗ trợ", "label") is not None,
           "hoa signs in at the Vietnamese desk and sees the mismatch request")
        if row is not None:
            select_row(row)
            ok(find(app_c, "Nhận hỗ trợ người bệnh này", "push button") is not None,
               "its detail opens, in Vietnamese")
        shot("14-vi-request-detail", 1)

        # hoa checks the paper card and accepts it as BHYT after a new lookup at BHXH.
        click(app_c, "Nhận hỗ trợ người bệnh này")
        find(app_c, "Bạn đang hỗ trợ người bệnh này", "label")
        click(app_c, "Chấp nhận BHYT…")
        card = find(app_c, "Số thẻ BHYT (15 ký tự) hoặc mã số BHXH", "text")
        ok(card is not None, "accepting BHYT asks for the card number")
        if card is not None:
            type_into(card, "GD4010112345678")
            type_into(find(app_c, "Họ tên như trên thẻ", "text"), "Lê Thị Mai")
            type_into(find(app_c, "Ngày sinh (dd/mm/yyyy, hoặc năm sinh)", "text"), "14/02/1990")
            click(app_c, "Tra cứu BHXH")
            ok(find(app_c, contains="(000)", timeout=30) is not None,
               "the lookup at BHXH through the broker says the card is valid")
            type_into(find(app_c, "Lý do (được ghi kèm tên bạn)", "text"), "Đã xem thẻ giấy, tra cứu lại hợp lệ")
            shot("15-vi-accept-bhyt", 1)
            click(app_c, "Chấp nhận BHYT")
            ok(find(app_c, contains="đã chấp nhận BHYT", role="label", timeout=10) is not None,
               "the decision is recorded")
            r = ctl("help", "apply", "--once", "--json", config=kiosk_conf)
            ok(r.returncode == 0 and json.loads(r.stdout)["applied"] == 1, "the kiosk applies it")
            r = ctl("help", "audit", visits[1]["visit_id"], "--json", config=kiosk_conf)
            rows = [a for a in json.loads(r.stdout)["audit"] if a["action"] == "override:accept_bhyt"] \
                if r.returncode == 0 else []
            ok(len(rows) == 1 and rows[0]["actor"] == "hoa" and rows[0]["detail"]["new"]["payment"] == "bhyt"
               and rows[0]["detail"]["new"]["eligibility_status"] == "eligible"
               and rows[0]["detail"]["new"]["eligibility_code"] == "000"
               and "GD4010112345678" not in r.stdout,
               "the spool's audit has the new lookup's answer, the card number masked")

    logs = "".join(open(p, encoding="utf-8", errors="replace").read()
                   for p in (tmp + "/desk-a.log", tmp + "/desk-b.log", tmp + "/desk-c.log", tmp + "/broker.err")
                   if os.path.exists(p))
    ok("Nguyễn Thị Mai" not in logs and "246810" not in logs, "no personal data or PIN in the logs")
    print("1..%d" % n)
    cleanup()
    sys.exit(1 if failed else 0)


try:
    main()
except SystemExit:
    raise
except BaseException as e:
    import traceback
    traceback.print_exc()
    bail("%s: %s" % (type(e).__name__, e))
