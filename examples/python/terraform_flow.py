#!/usr/bin/env python3
"""The terraform provider for private OCP (oceanbase/ob-private-terraform-provider), its calls in
its order, tested against ocp-mock: an `ocp_tenant`, an `ocp_obproxy_cluster`, `ocp_hosts` and an
`ocp_ob_cluster` on those hosts, created, waited for, read and destroyed (docs/terraform.md;
docs/reference/ocp-client-flows.md 3.0, 3.2 and 3.7).

Standard library only. Run it with the path of the ocp-mock binary:

    python3 examples/python/terraform_flow.py build/mock/ocp-mock

The client below does what the provider's `internal/ocpclient` does: Basic authentication, a
JSON body with `Content-Type: application/json` only when there is one, a 404 read as "not
found" whatever the body, `successful` checked, `data` decoded into the few fields it reads.
WaitForTask polls GET /api/v2/tasks/{id} at once, then every polling_interval (10 s: the test
moves the mock's clock instead of sleeping) until SUCCESSFUL or FAILED. Its calls are the
provider's, unchanged.

The mock runs with `--quirks client-ids,zone-rpm-name`, which play what the provider reads and
sends where OCP's docs differ (docs/terraform.md): the creations' answers carry the ids it reads
(`clusterId`, `obproxyClusterId`, batchCreate's `id` and `hostIds`), and a cluster's RPM is read
from its zones, where the provider puts it. Without them, the documented answers leave the
provider with ids 0 (docs/terraform.md says what it then does). One difference no quirk plays:
the tenant delete answers no `data`, so the provider polls task 0, whose 404 it takes as
"deleted". Ends with what the journal says the client sent. Exits 0 when every check holds.
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
QUIRKS = ("--quirks", "client-ids,zone-rpm-name")
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
    "hostBasicDataList": [{"innerIpAddress": "10.0.0.31"}, {"innerIpAddress": "10.0.0.32"}],
    "sshPort": 22, "kind": "DEDICATED_PHYSICAL_MACHINE", "idcId": 1, "typeId": 1,
    "credentialId": 1, "mgragentPort": 62888, "monagentPort": 62889,
}
RPM = "oceanbase-ce-4.2.1.0-100000102023.el7.x86_64.rpm"


def ob_cluster(host_ids):
    """cluster.go's CreateClusterParam: the zones carry servers and rpmName; no top-level rpmName."""
    return {"name": "tf-obcluster", "type": "PRIMARY", "password": "Root#123",
            "zones": [{"name": "zone1", "idcName": "idc1", "servers": host_ids, "rpmName": RPM}],
            "attributes": {"InstallPath": "/home/admin/oceanbase", "SqlPort": 2881,
                           "SvrPort": 2882},
            "clientToken": "tf-obcluster-0001"}


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


def obproxy_lifecycle(tf):
    created = tf.do("POST", "/api/v2/obproxy/clusters", OBPROXY)  # data.{id, obproxyClusterId}
    tf.wait_for_task(created["id"])
    cluster = f"/api/v2/obproxy/clusters/{created['obproxyClusterId']}"
    state = tf.read(cluster, ["id", "name", "status"])
    assert state == {"id": created["obproxyClusterId"], "name": "tf-obproxy",
                     "status": None}, state  # no cluster-level status is documented
    tf.delete_and_wait(cluster)  # "Offline obproxy", polled to SUCCESSFUL
    assert tf.read(cluster, ["id"]) is None
    return created["obproxyClusterId"]


def hosts_create(tf):
    created = tf.do("POST", "/api/v2/compute/hosts/batchCreate", HOSTS)  # data.{id, hostIds}
    assert len(created["contents"]) == 2 and created["id"] == created["contents"][0]["id"]
    tf.wait_for_task(created["id"])
    for host_id in created["hostIds"]:
        state = tf.read(f"/api/v2/compute/hosts/{host_id}", ["id", "status"])
        assert state == {"id": host_id, "status": "AVAILABLE"}, state
    return created["hostIds"]


def cluster_lifecycle(tf, host_ids):
    created = tf.do("POST", "/api/v2/ob/clusters", ob_cluster(host_ids))  # data.{id, clusterId}
    assert created["name"] == "Create primary OB cluster", created["name"]
    tf.wait_for_task(created["id"])
    cluster = f"/api/v2/ob/clusters/{created['clusterId']}"
    state = tf.read(cluster, ["id", "name", "status", "type", "fullVersion"])
    assert state == {"id": created["clusterId"], "name": "tf-obcluster", "status": "RUNNING",
                     "type": "PRIMARY", "fullVersion": None}, state  # fullVersion: in no doc
    tf.delete_and_wait(cluster)  # "Delete primary OB cluster", polled to SUCCESSFUL
    assert tf.read(cluster, ["id"]) is None
    return created["clusterId"]


def hosts_destroy(tf, host_ids):
    for host_id in host_ids:  # host.go: one DELETE per host, no task to poll
        tf.do("DELETE", f"/api/v2/compute/hosts/{host_id}")
        assert tf.read(f"/api/v2/compute/hosts/{host_id}", ["id"]) is None


def main(binary):
    process, url = start_mock(binary, *QUIRKS)
    try:
        def mock(method, path):
            request = urllib.request.Request(url + path, method=method)
            with urllib.request.urlopen(request, timeout=10) as answer:
                return json.loads(answer.read())["data"]

        tf = TerraformClient(url, "admin", "Admin@123")
        tf.sleep = lambda seconds: mock("POST", f"/__mock/clock/advance?seconds={seconds}")
        tenant_task, tenant_id = tenant_lifecycle(tf)
        obproxy_id = obproxy_lifecycle(tf)
        host_ids = hosts_create(tf)
        cluster_id = cluster_lifecycle(tf, host_ids)
        hosts_destroy(tf, host_ids)

        journal = list(reversed(mock("GET", "/__mock/requests?size=200")["contents"]))
        sent = [(e["method"], e["path"], e["status"]) for e in journal]
        polls = [s for s in sent if s[1].startswith("/api/v2/tasks/")]
        assert all(s[0] == "GET" for s in polls), polls
        assert ("GET", f"/api/v2/tasks/{tenant_task}", 200) in sent, sent
        assert sent.count(("GET", "/api/v2/tasks/0", 404)) == 1, sent  # the tenant delete only
        hosts = [f"/api/v2/compute/hosts/{h}" for h in host_ids]
        cluster = f"/api/v2/ob/clusters/{cluster_id}"
        expected_order = [
            ("POST", f"/api/v2/ob/clusters/{CLUSTER_ID}/tenants/createTenant", 200),
            ("GET", f"/api/v2/ob/clusters/{CLUSTER_ID}/tenants/{tenant_id}", 200),
            ("DELETE", f"/api/v2/ob/clusters/{CLUSTER_ID}/tenants/{tenant_id}", 200),
            ("GET", f"/api/v2/ob/clusters/{CLUSTER_ID}/tenants/{tenant_id}", 404),
            ("POST", "/api/v2/obproxy/clusters", 200),
            ("GET", f"/api/v2/obproxy/clusters/{obproxy_id}", 200),
            ("DELETE", f"/api/v2/obproxy/clusters/{obproxy_id}", 200),
            ("GET", f"/api/v2/obproxy/clusters/{obproxy_id}", 404),
            ("POST", "/api/v2/compute/hosts/batchCreate", 200),
            *[("GET", h, 200) for h in hosts],
            ("POST", "/api/v2/ob/clusters", 200),
            ("GET", cluster, 200),
            ("DELETE", cluster, 200),
            ("GET", cluster, 404),
            *[call for h in hosts for call in (("DELETE", h, 200), ("GET", h, 404))],
        ]
        assert [s for s in sent if s not in polls] == expected_order, sent
        assert all(e["user"] == "admin" and not e["query"] for e in journal), journal
        print(f"ok: tenant {tenant_id}, OBProxy cluster {obproxy_id}, hosts {host_ids} and "
              f"OB cluster {cluster_id} created, read and destroyed in the provider's order; "
              f"{len(polls)} task polls")
        return 0
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "ocp-mock"))
