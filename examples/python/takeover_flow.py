#!/usr/bin/env python3
"""obdeploy's `obd cluster export-to-ocp` against ocp-mock, call for call, with obdeploy's encodings.

Standard library only, but for the upload, which uses Python requests as obdeploy does when it is
installed (and writes the same bytes through urllib when not). Run it with the path of the
ocp-mock binary:

    python3 examples/python/takeover_flow.py build/mock/ocp-mock

obdeploy (plugins/ocp-server/4.2.1/{takeover_connect,takeover_precheck,takeover}.py), as
docs/reference/ocp-client-flows.md section 4 reads it: every call JSON-encoded with
`Content-Type: application/json` and HTTP Basic, success meaning HTTP 200 exactly. It polls
/api/v2/time, reads /api/v2/info (buildVersion at least 4.2.0), runs the takeover pre-check (and
only logs it), gets or creates the host type named by --host_type and the HOST credential named
by --credential_name (first page only, exact names), and posts the takeover, reading data.id and
data.clusterId. obdeploy stops there; like the antman installer, this test then polls the task
(moving the mock's clock instead of sleeping) and finds the cluster in GET /api/v2/ob/clusters.
Last, obdeploy's other OCP call: the upload of an oceanbase-ce package that its OCP deployment
runs (plugins/ocp-server/4.2.1/upload_packages.py, section 4.6), done as obdeploy does it, a
multipart/form-data POST with the file in the part `file`. The request journal then says what
the client sent, in which order. Exits 0 when every check holds.
"""

import base64
import hashlib
import json
import os
import re
import sys
import tempfile
import urllib.error
import urllib.request

from wait_task import start_mock

AUTH = "Basic " + base64.b64encode(b"admin:Admin@123").decode()
HOST_TYPE = "obd-takeover-type"      # --host_type
CREDENTIAL = "obd-takeover-ssh"      # --credential_name
SERVERS = ["10.9.0.1", "10.9.0.2", "10.9.0.3"]  # the deployment's servers, one per zone
MYSQL_PORT = 2881
PACKAGE = "oceanbase-ce-4.3.0.1-100000242024032211.el7.x86_64.rpm"  # what obdeploy uploads


def request(url, method="GET", body=None):
    """obdeploy's OcpTakeOverCursor._request: data=json.dumps(body), JSON content type, Basic
    auth on every call. Returns (status, parsed body or None)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={
        "Content-Type": "application/json", "Authorization": AUTH})
    try:
        with urllib.request.urlopen(req, timeout=10) as answer:
            status, raw = answer.status, answer.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode(errors="replace")


def data_of(url, method="GET", body=None, what="call"):
    status, answer = request(url, method, body)
    if status != 200:  # obdeploy: raise Exception("failed to <what>: " + error.message)
        raise AssertionError(f"failed to {what}: {answer}")
    return answer["data"]


def upload_package(url, path):
    """obdeploy's OcpCursor.upload_packages (plugins/ocp-server/4.2.1/connect.py): requests.request(
    'POST', URL, files={'file': open(path, 'rb')}, headers={}, auth=HTTPBasicAuth(...),
    verify=False); success is HTTP 200 exactly, the body unread. Without `requests` installed,
    the same request through urllib, written as requests (urllib3's encode_multipart_formdata)
    writes it: a random 32-hex-digit boundary, one part with `Content-Disposition: form-data;
    name="file"; filename="BASENAME"` and no Content-Type of its own, CRLF line ends
    (docs/reference/multipart-form-data.md section 2). Returns (HTTP status, which way)."""
    target = url + "/api/v2/software-packages"
    try:
        import requests
        from requests.auth import HTTPBasicAuth
    except ImportError:
        requests = None
    if requests is not None:
        with open(path, "rb") as f:
            answer = requests.request("POST", target, files={"file": f}, headers={},
                                      auth=HTTPBasicAuth("admin", "Admin@123"), verify=False,
                                      timeout=30)
        return answer.status_code, "requests"
    boundary = os.urandom(16).hex()
    with open(path, "rb") as f:
        content = f.read()
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{os.path.basename(path)}"\r\n\r\n').encode() + content + \
        f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(target, data=body, method="POST", headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}", "Authorization": AUTH})
    try:
        with urllib.request.urlopen(req, timeout=30) as answer:
            return answer.status, "urllib, as requests writes it"
    except urllib.error.HTTPError as error:
        return error.code, "urllib, as requests writes it"


def version_at_least(build_version, wanted):
    """_rpm.Version's comparison, reduced: the numeric pieces of buildVersion.split('_')[0]."""
    numbers = [int(n) for n in re.findall(r"\d+", build_version.split("_")[0].split("-")[0])]
    return numbers >= wanted


def main(binary):
    process, url = start_mock(binary)
    try:
        # The mock's own set-up (not journaled): the cluster the address reaches, as obdeploy
        # deployed it: three zones, one server each.
        setting = {"cluster": {"name": "obd-demo", "obClusterId": 1700000001,
                               "zones": [{"name": f"zone{i + 1}", "servers": [ip]}
                                         for i, ip in enumerate(SERVERS)]}}
        assert request(url + "/__mock/takeover", "PUT", setting)[0] == 200

        # 1. status(): GET /api/v2/time until a 200 (body ignored).
        assert request(url + "/api/v2/time")[0] == 200
        # 2. info(): buildVersion must be at least 4.2.0.
        status, info = request(url + "/api/v2/info")
        assert status == 200 and version_at_least(info["buildVersion"], [4, 2, 0]), info
        # 3. The pre-check: obdeploy logs the result and goes on whatever it says.
        precheck = {"connectionMode": "direct", "address": SERVERS[0], "port": MYSQL_PORT,
                    "rootSysPassword": "root-sys-pw"}
        result = data_of(url + "/api/v2/ob/clusters/takeOverPreCheck", "POST", precheck,
                         "precheck")["result"]
        assert result["valid"] is True and result["messages"] == [], result
        # 4. The host type: exact name in the first page, else created.
        types = data_of(url + "/api/v2/compute/hostTypes", what="query host types")["contents"]
        host_type_id = next((t["id"] for t in types if t["name"] == HOST_TYPE), None)
        if host_type_id is None:
            host_type_id = data_of(url + "/api/v2/compute/hostTypes", "POST", {"name": HOST_TYPE},
                                   "create host type")["id"]
        # 5. The credential: the first HOST credential of that name, else created.
        credentials = data_of(url + "/api/v2/profiles/me/credentials",
                              what="query credentials")["contents"]
        credential_id = next((c["id"] for c in credentials
                              if c["targetType"] == "HOST" and c["name"] == CREDENTIAL), None)
        if credential_id is None:
            created = data_of(url + "/api/v2/profiles/me/credentials", "POST", {
                "targetType": "HOST", "name": CREDENTIAL,
                "sshCredentialProperty": {"type": "PASSWORD", "username": "admin",
                                          "passphrase": "ssh-secret"}}, "create credential")
            assert "ssh-secret" not in json.dumps(created), "a credential never echoes its secret"
            credential_id = created["id"]
        # 6. The takeover: data.id (the task, printed with %d) and data.clusterId.
        taken = data_of(url + "/api/v2/ob/clusters/takeOver", "POST", {
            "switchConfigUrl": True, "connectionMode": "direct", "rootSysPassword": "root-sys-pw",
            "address": SERVERS[0], "port": MYSQL_PORT,
            "hostInfo": {"kind": "DEDICATED_PHYSICAL_MACHINE", "hostTypeId": host_type_id,
                         "sshPort": 22, "credentialId": credential_id}}, "do take over")
        task_id, cluster_id = taken["id"], taken["clusterId"]
        print("takeover task successfully submitted to ocp, you can check task at %s/task/%d"
              % (url, task_id))

        # 7. (antman, not obdeploy) Poll the task, moving the clock 30 s between polls.
        polls = 0
        while True:
            task = data_of(f"{url}/api/v2/tasks/instances/{task_id}", what="query task")
            polls += 1
            if task["status"] == "SUCCESSFUL":
                break
            assert task["status"] == "RUNNING" and polls < 20, task["status"]
            assert request(url + "/__mock/clock/advance?seconds=30", "POST")[0] == 200
        # 8. The cluster listed, found by name in the raw body as antman greps it.
        status, clusters = request(url + "/api/v2/ob/clusters")
        assert status == 200 and '"name": "obd-demo"' in json.dumps(clusters), clusters
        cluster = next(c for c in clusters["data"]["contents"] if c["id"] == cluster_id)
        assert [z["name"] for z in cluster["zones"]] == ["zone1", "zone2", "zone3"], cluster
        assert cluster["status"] == "RUNNING" and cluster["obClusterId"] == 1700000001, cluster

        # 9. (obdeploy's OCP deployment) Upload an oceanbase-ce package of 4.3.0.0 or later.
        content = b"not really an rpm\n" * 1000
        with tempfile.TemporaryDirectory() as folder:
            package = os.path.join(folder, PACKAGE)
            with open(package, "wb") as f:
                f.write(content)
            status, way = upload_package(url, package)
        assert status == 200, f"upload package {PACKAGE} failed: HTTP {status}"
        held = request(url + "/__mock/softwarePackages")[1]["data"]
        meta = next(p for p in held if p["fileName"] == PACKAGE)
        assert (meta["name"], meta["version"], meta["type"]) == (
            "oceanbase-ce", "4.3.0.1", "OB_SERVER_INSTALL_PACKAGE"), meta
        assert meta["size"] == len(content), meta
        assert meta["sha1"] == hashlib.sha1(content).hexdigest(), meta

        # The journal: what the client sent, oldest first.
        status, answer = request(url + "/__mock/requests?size=100")
        journal = answer["data"]["contents"][::-1]
        sent = [(e["method"], e["path"]) for e in journal]
        expected = ([("GET", "/api/v2/time"), ("GET", "/api/v2/info"),
                     ("POST", "/api/v2/ob/clusters/takeOverPreCheck"),
                     ("GET", "/api/v2/compute/hostTypes"), ("POST", "/api/v2/compute/hostTypes"),
                     ("GET", "/api/v2/profiles/me/credentials"),
                     ("POST", "/api/v2/profiles/me/credentials"),
                     ("POST", "/api/v2/ob/clusters/takeOver")]
                    + [("GET", f"/api/v2/tasks/instances/{task_id}")] * polls
                    + [("GET", "/api/v2/ob/clusters"), ("POST", "/api/v2/software-packages")])
        assert sent == expected, sent
        # What the upload sent: a multipart/form-data body, its boundary in the Content-Type,
        # the file and the framing around it.
        upload = journal[-1]
        assert re.fullmatch(r"multipart/form-data; boundary=[0-9a-f]{32}", upload["contentType"]), \
            upload
        assert len(content) < upload["bodyBytes"] < len(content) + 300, upload
        assert all(e["status"] == 200 for e in journal), journal
        # /api/v2/time is public: the mock names no user there, though obdeploy sent Basic.
        assert all(e["user"] == "admin" for e in journal[1:]), journal
        assert all(e["query"] == "" for e in journal), "obdeploy sends no query string"
        print(f"ok: cluster {cluster_id} (obd-demo) taken over by task {task_id}, polled {polls} "
              f"times, {len(cluster['zones'])} zones; package {meta['id']} uploaded ({way})")
        return 0
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
