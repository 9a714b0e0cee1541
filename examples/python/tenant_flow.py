#!/usr/bin/env python3
"""A client's whole flow around a task, as the terraform provider for private OCP runs it for an
`ocp_tenant` resource, tested against ocp-mock.

Standard library only. Run it with the path of the ocp-mock binary:

    python3 examples/python/tenant_flow.py build/mock/ocp-mock

Create: find the cluster by name in GET /api/v2/ob/clusters, POST createTenant, poll the task
it returns until SUCCESSFUL (the test moves the mock's clock between polls instead of
sleeping). Read: find the tenant by name in the cluster's tenant list, then read its details.
Then the checks a provider's acceptance test makes: the tenant is NORMAL with the zones asked
for, the cluster counts it, and a second create with the same name is refused, creating nothing.
Exits 0 when every check holds.
"""

import sys
import urllib.error

from wait_task import OcpClient, start_mock

CLUSTER = "obcluster-prod-hz"
TENANT = {
    "name": "tf_pay", "mode": "MYSQL", "rootPassword": "Tf#pass123", "charset": "utf8mb4",
    "primaryZone": "zone1",
    "zones": [{"name": "zone1", "replicaType": "FULL",
               "resourcePool": {"unitSpecName": "S2", "unitCount": 1}}],
}


def find(items, name):
    """The item called `name`, or None: the provider matches by name, not by id."""
    return next((item for item in items if item["name"] == name), None)


def create_tenant(client, cluster_id, body):
    """The provider's Create: the task the API returns, polled to its end."""
    task = client.call("POST", f"/api/v2/ob/clusters/{cluster_id}/tenants/createTenant",
                       body)["data"]
    assert task["name"] == "Create tenant" and task["status"] == "RUNNING", task
    status = client.wait_done(task["id"], lambda: client.call(
        "POST", "/__mock/clock/advance?seconds=30"))
    return task["id"], status


def main(binary):
    process, url = start_mock(binary)
    try:
        client = OcpClient(url, "admin", "Admin@123")
        clusters = client.call("GET", "/api/v2/ob/clusters?size=100")["data"]["contents"]
        cluster = find(clusters, CLUSTER)
        assert cluster is not None, [c["name"] for c in clusters]
        tenants_before = cluster["tenantCount"]

        task_id, status = create_tenant(client, cluster["id"], TENANT)
        assert status == "SUCCESSFUL", status

        listed = client.call("GET", f"/api/v2/ob/clusters/{cluster['id']}/tenants?name="
                             + TENANT["name"])["data"]["contents"]
        tenant = find(listed, TENANT["name"])
        assert tenant is not None and tenant["status"] == "NORMAL", listed
        detail = client.call(
            "GET", f"/api/v2/ob/clusters/{cluster['id']}/tenants/{tenant['id']}")["data"]
        assert detail["mode"] == "MYSQL" and detail["charset"] == "utf8mb4", detail
        assert [z["name"] for z in detail["zones"]] == ["zone1"], detail["zones"]
        assert detail["zones"][0]["resourcePool"]["unitCount"] == 1, detail["zones"]
        after = client.call("GET", f"/api/v2/ob/clusters/{cluster['id']}")["data"]
        assert after["tenantCount"] == tenants_before + 1, (after["tenantCount"], tenants_before)

        try:
            client.call("POST", f"/api/v2/ob/clusters/{cluster['id']}/tenants/createTenant",
                        TENANT)
            raise AssertionError("a second tenant with the same name was accepted")
        except urllib.error.HTTPError as refused:
            assert refused.code == 400, refused.code
        tasks = client.call("GET", "/api/v2/tasks/instances?name=Create+tenant&size=100")
        ids = [t["id"] for t in tasks["data"]["contents"] if t["id"] >= task_id]
        assert ids == [task_id], ids
        print(f"ok: tenant {tenant['id']} NORMAL in cluster {cluster['id']} after task "
              f"{task_id}; the duplicate refused")
        return 0
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "ocp-mock"))
