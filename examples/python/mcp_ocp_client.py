"""OceanBase's MCP server's OCP client (OCPClient), as the examples that play the server use it.

Standard library only; imported by mcp_awr_flow.py and mcp_topology_flow.py.

OCPClient (oceanbase/awesome-oceanbase-mcp, src/ocp_mcp_server/ocp_mcp/ocp_client.py; read in
docs/reference/ocp-cluster-topology.md section 17.1 and ocp-client-flows.md sections 2.2, 2.3)
sends every request, GETs included, with `Content-Type: application/json`,
`x-ocp-origin: mcp-server` and an RFC 1123 `Date`, and signs it with the caller's access key:
HMAC-SHA1 over the method, the body's MD5 (upper-case hex; empty without a body), the
Content-Type, the Date, the host, the x-ocp-* headers and the path with its query. The query is
sorted by key, each key and value `quote(str(x), safe='')`, and appended by hand to both the
signed path and the URL, so the two are the same. Paths are f-strings: a zone, user or role name
goes in raw, signed as it is and sent as httpx encodes it. A body is `json.dumps(payload)` with
Python's default separators.
"""

import base64
import hashlib
import hmac
import json
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone

# The bundled admin's access key (fixtures/users.json): OCP's documented signing example's pair.
ACCESS_KEY = "cqammmxBpfGjFlto"
SECRET = "2fc0c299cc94c6be266f2ceece765d4d"

# What httpx leaves unescaped in a path (RFC 3986's sub-delims, ':', '@', '/' and an existing
# '%' escape) besides the unreserved characters, which quote() keeps anyway.
_HTTPX_PATH_SAFE = "/!$&'()*+,;=:@%"


def encoded_query(params):
    """OCPClient's query: sorted by key, key and value each quote(str(x), safe='')."""
    return "&".join(urllib.parse.quote(str(k), safe="") + "=" + urllib.parse.quote(str(v), safe="")
                    for k, v in sorted(params.items()))


class McpOcpClient:
    """One caller's OCPClient against `url` ("http://127.0.0.1:PORT").

    Every call is appended to `sent` (method, path, query, body bytes, status, access key), a
    list several clients may share, so that a test can compare what they sent, in order, with
    what the server's journal recorded.
    """

    def __init__(self, url, access_key=ACCESS_KEY, secret=SECRET, sent=None):
        self.url = url.rstrip("/")
        self.host = self.url.split("://", 1)[1]
        self.access_key = access_key
        self.secret = secret
        self.sent = [] if sent is None else sent

    def send(self, method, path, params=None, payload=None, accept=None, secret=None,
             unsigned_headers=()):
        """(status, Content-Type, body bytes) of one call as OCPClient makes it.

        `secret` signs with another secret; `unsigned_headers` names headers that are signed but
        left out of the request (to show that the server reads them). Errors are answers here:
        the MCP server's raise_for_status() is the caller's to play.
        """
        query = encoded_query(params) if params else ""
        signed_path = path + ("?" + query if query else "")
        body = json.dumps(payload).encode("utf-8") if payload is not None else None
        date = datetime.now(timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")
        headers = {"Content-Type": "application/json", "x-ocp-origin": "mcp-server"}
        to_sign = "\n".join([
            method, hashlib.md5(body).hexdigest().upper() if body else "",
            headers["Content-Type"], date, self.host,
            "\n".join(f"{k}:{v}" for k, v in sorted(headers.items()) if k.startswith("x-ocp-")),
            signed_path])
        digest = hmac.new((secret or self.secret).encode(), to_sign.encode(), hashlib.sha1).digest()
        headers["Authorization"] = ("OCP-ACCESS-KEY-HMACSHA1 " + self.access_key + ":"
                                    + base64.b64encode(digest).decode())
        headers["Date"] = date
        if accept:
            headers["Accept"] = accept
        for name in unsigned_headers:
            del headers[name]
        sent_path = urllib.parse.quote(path, safe=_HTTPX_PATH_SAFE)
        request = urllib.request.Request(self.url + sent_path + ("?" + query if query else ""),
                                         data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                status, content_type, data = (answer.status, answer.headers.get("Content-Type", ""),
                                              answer.read())
        except urllib.error.HTTPError as refused:
            status, content_type, data = (refused.code, refused.headers.get("Content-Type", ""),
                                          refused.read())
        self.sent.append({"method": method, "path": path, "query": query,
                          "bodyBytes": len(body) if body else 0, "status": status,
                          "accessKey": self.access_key})
        return status, content_type, data

    def call(self, method, path, params=None, payload=None):
        """The envelope of a call that must succeed, as the MCP tool returns it."""
        status, _, data = self.send(method, path, params, payload)
        assert status == 200, (method, path, params, status, data[:400])
        envelope = json.loads(data)
        assert envelope["successful"] is True and envelope["status"] == 200, envelope
        return envelope

    def refused(self, method, path, params=None, payload=None, secret=None):
        """(HTTP status, envelope) of a call that must fail: what raise_for_status() raises on."""
        status, _, data = self.send(method, path, params, payload, secret=secret)
        assert status >= 400, (method, path, status, data[:400])
        envelope = json.loads(data)
        assert envelope["successful"] is False, envelope
        return status, envelope


def journal(url, path="/api/v2/*"):
    """The mock's request journal (GET /__mock/requests) of the paths matching `path`, oldest
    first, every page of it."""
    entries, page = [], 1
    while True:
        query = encoded_query({"path": path, "page": page, "size": 2000})
        with urllib.request.urlopen(f"{url}/__mock/requests?{query}", timeout=10) as answer:
            data = json.loads(answer.read())["data"]
        entries += data["contents"]
        if not data["contents"] or len(entries) >= data["page"]["totalElements"]:
            return entries[::-1]
        page += 1
