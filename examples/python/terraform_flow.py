#!/usr/bin/env python3
"""The terraform provider for private OCP (oceanbase/ob-private-terraform-provider), its calls in
its order, tested against ocp-mock: an `ocp_tenant`, an `ocp_obproxy_cluster` and `ocp_hosts`
created, waited for, read and destroyed (docs/terraform.md; docs/reference/ocp-client-flows.md
3.0 and 3.7).

Standard library only. Run it with the path of the ocp-mock binary:

    python3 examples/python/terraform_flow.py build/mock/ocp-mock

The client below does what the provider's `internal/ocpclient` does: Basic authentication, a
JSON body with `Content-Type: application/json` only when there is one, a 404 read as "not
found" whatever the body, `successful` checked, `data` decoded into the few fields it reads.
WaitForTask polls GET /api/v2/tasks/{id} at once, then every polling_interval (10 s: the test
moves the mock's clock instead of sleeping) until SUCCESSFUL or FAILED.

What the provider reads and the docs do not give, and what it then does (no quirk plays it):
- the tenant delete answers no `data`: the provider polls task 0, whose 404 it takes as "deleted";
- the OBProxy create answers the documented TaskInstance, without `obproxyClusterId`: the
  provider keeps id 0, so its read is GET /api/v2/obproxy/clusters/0 (404: the resource leaves
  the state) and its destroy DELETE .../clusters/0 (404: "already gone"), leaving the real
  cluster behind. The test then finds the real id through /__mock/ and plays the read and
  destroy a provider reading the id would make;
- batchCreate answers `data.contents` (one task per host), not `data.{id, hostIds}`: the provider
  polls task 0, gets a 404 and fails the create, and never learns the host ids; it gets no
  further with hosts.
Ends with what the journal says the client sent. Exits 0 when every check holds.
"""

import base64
import json
import sys
import urllib.error
import urllib.request

from wait_task import start_mock

POLLING_INTERVAL = 10  # the provider's default polling_interval, in seconds


class NotFoundError(Exception):
    """The provider's *NotFoundError: any 404, whatever its body."""


class TerraformClient:
    """internal/ocpclient/client.go's doRequest, and task.go's WaitForTask."""

    def __init__(self, base_url, user, password):
        self.base_url = base_url
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.headers = {"Authorization": f"Basic {token}", "User-Agent": "Go-http-client/1.1"}
        self.sleep = lambda seconds: None

    def do(self, method, path, body=None):
        """The envelope's `data` ({} when absent); NotFoundError on a 404, RuntimeError else."""
        data = json.dumps(body).encode() if body is not None else None
        headers = dict(self.headers, **({"Content-Type": "application/json"} if data else {}))
        request = urllib.request.Request(self.base_url + path, data=data, method=method,
                                         headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                envelope = json.loads(answer.read())
        except urllib.error.HTTPError as failure:
            if failure.code == 404:
                raise NotFoundError(path) from None
            raise RuntimeError(f"OCP API error [HTTP {failure.code}]: {failure.read()!r}") from None
        if not envelope.get("successful"):
            raise RuntimeError(f"OCP API error: {envelope}")
        return envelope.get("data") or {}

    def wait_for_task(self, task_id):
        """The first poll at once, then one every polling_interval; only `status` is read."""
        while True:
            try:
                status = self.do("GET", f"/api/v2/tasks/{task_id}").get("status")
            except NotFoundError as gone:
                raise NotFoundError(f"failed to poll task #{task_id}: {gone}") from gone
            if status == "SUCCESSFUL":
                return
            if status == "FAILED":
                raise RuntimeError(f"OCP task #{task_id} failed")
            self.sleep(POLLING_INTERVAL)

    def delete_and_wait(self, path):
        """A resource's Delete: a 404 anywhere, the delete or its task's poll, means gone."""
        try:
            self.wait_for_task(self.do("DELETE", path).get("id", 0))
        except NotFoundError:
            pass

    def read(self, path, fields):
        """A resource's Read: the fields it keeps, or None when a 404 drops it from the state."""
        try:
            data = self.do("GET", path)
        except NotFoundError:
            return None
        return {f: data.get(f) for f in fields}


CLUSTER_ID = 2  # obcluster-prod-hz (fixtures/entities/)
TENANT = {  # tenant.go: rootPassword and parameters always sent; the rest omitempty
    "name": "tf_orders", "mode": "MYSQL", "primaryZone": "zone1", "charset": "utf8mb4",
    "rootPassword": "Tf#pass123", "parameters": [], "clientToken": "tf-tenant-0001",
    "zones": [{"name": "zone1", "replicaType": "FULL",
               "resourcePool": {"unitSpecName": "S2", "unitCount": 1}}],
}
OBPROXY = {  # obproxy.go: what a resource with these attributes sends (omitempty elsewhere)
    "name": "tf-obproxy", "password": "Proxy#123", "workMode": "CONFIG_URL", "port": 2883,
    "obproxyInstallParam": {"hostIds": [18], "version": "obproxy-ce-4.2.1.0-11.el7.x86_64.rpm",
                            "sqlPort": 2883, "exporterPort": 2884},
    "obLinks": [{"clusterName": "obcluster-prod-hz", "obClusterId": 100002,
                 "username": "proxyro"}],
    "clientToken": "tf-obproxy-0001",
}
HOSTS = {  # host.go: the documented fields plus the agent ports
    "hostBasicDataList": [{"innerIpAddress": "10.0.0.31"}], "sshPort": 22,
    "kind": "DEDICATED_PHYSICAL_MACHINE", "idcId": 1, "typeId": 1, "credentialId": 1,
    "mgragentPort": 62888, "monagentPort": 62889,
}


def tenant_lifecycle(tf):
    tenants = f"/api/v2/ob/clusters/{CLUSTER_ID}/tenants"
    created = tf.do("POST", f"{tenants}/createTenant", TENANT)  # reads data.{id, tenantId}
    tf.wait_for_task(created["id"])
    tenant = f"{tenants}/{created['tenantId']}"
    state = tf.read(tenant, ["id", "name", "status", "mode"])
    assert state == {"id": created["tenantId"], "name": "tf_orders", "status": "NORMAL",
                     "mode": "MYSQL"}, state
    tf.delete_and_wait(tenant)  # no data: polls task 0, whose 404 means deleted
    assert tf.read(tenant, ["id"]) is None
    return created["id"], created["tenantId"]


def obproxy_lifecycle(tf, mock):
    created = tf.do("POST", "/api/v2/obproxy/clusters", OBPROXY)  # reads data.{id, obproxyClusterId}
    assert "obproxyClusterId" not in created, created
    kept_id = created.get("obproxyClusterId", 0)
    tf.wait_for_task(created["id"])
    # What the provider does with the documented answer: id 0, read 404, destroy 404.
    assert tf.read(f"/api/v2/obproxy/clusters/{kept_id}", ["id"]) is None
    tf.delete_and_wait(f"/api/v2/obproxy/clusters/{kept_id}")
    # The cluster exists all the same; the test finds it through the control plane.
    real = [r["id"] for r in mock("GET", "/__mock/obproxyClusters") if r["name"] == "tf-obproxy"]
    assert len(real) == 1, real
    cluster = f"/api/v2/obproxy/clusters/{real[0]}"
    state = tf.read(cluster, ["id", "name", "status"])
    assert state == {"id": real[0], "name": "tf-obproxy", "status": None}, state  # no status
    tf.delete_and_wait(cluster)  # "Offline obproxy", polled to SUCCESSFUL
    assert tf.read(cluster, ["id"]) is None
    return real[0]


def hosts_create(tf):
    answer = tf.do("POST", "/api/v2/compute/hosts/batchCreate", HOSTS)
    assert "contents" in answer and "id" not in answer and "hostIds" not in answer, answer
    try:
        tf.wait_for_task(answer.get("id", 0))
        raise AssertionError("polling task 0 succeeded")
    except NotFoundError:
        pass  # the provider's create fails here: "failed to poll task #0"


def main(binary):
    process, url = start_mock(binary)
    try:
        def mock(method, path):
            request = urllib.request.Request(url + path, method=method)
            with urllib.request.urlopen(request, timeout=10) as answer:
                return json.loads(answer.read())["data"]

        tf = TerraformClient(url, "admin", "Admin@123")
        tf.sleep = lambda seconds: mock("POST", f"/__mock/clock/advance?seconds={seconds}")
        tenant_task, tenant_id = tenant_lifecycle(tf)
        obproxy_id = obproxy_lifecycle(tf, mock)
        hosts_create(tf)

        journal = list(reversed(mock("GET", "/__mock/requests?size=100")["contents"]))
        sent = [(e["method"], e["path"], e["status"]) for e in journal]
        polls = [s for s in sent if s[1].startswith("/api/v2/tasks/")]
        assert all(s[0] == "GET" for s in polls), polls
        assert ("GET", f"/api/v2/tasks/{tenant_task}", 200) in sent, sent
        assert sent.count(("GET", "/api/v2/tasks/0", 404)) == 2, sent  # tenant delete, hosts
        expected_order = [
            ("POST", f"/api/v2/ob/clusters/{CLUSTER_ID}/tenants/createTenant", 200),
            ("GET", f"/api/v2/ob/clusters/{CLUSTER_ID}/tenants/{tenant_id}", 200),
            ("DELETE", f"/api/v2/ob/clusters/{CLUSTER_ID}/tenants/{tenant_id}", 200),
            ("GET", f"/api/v2/ob/clusters/{CLUSTER_ID}/tenants/{tenant_id}", 404),
            ("POST", "/api/v2/obproxy/clusters", 200),
            ("GET", "/api/v2/obproxy/clusters/0", 404),
            ("DELETE", "/api/v2/obproxy/clusters/0", 404),
            ("GET", f"/api/v2/obproxy/clusters/{obproxy_id}", 200),
            ("DELETE", f"/api/v2/obproxy/clusters/{obproxy_id}", 200),
            ("GET", f"/api/v2/obproxy/clusters/{obproxy_id}", 404),
            ("POST", "/api/v2/compute/hosts/batchCreate", 200),
        ]
        assert [s for s in sent if s not in polls] == expected_order, sent
        assert all(e["user"] == "admin" and not e["query"] for e in journal), journal
        print(f"ok: tenant {tenant_id} and OBProxy cluster {obproxy_id} created, read and "
              f"destroyed in the provider's order; {len(polls)} task polls; hosts stop at task 0")
        return 0
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "ocp-mock"))
