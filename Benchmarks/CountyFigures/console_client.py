"""The county's figures page as the console reads it: a county auditor signs in (choosing their
own password at the first sign-in), then reads the page's three answers in turn, over one kept-alive
HTTPS connection, ROUNDS times after one unmeasured page. Prints `sample ENDPOINT MS` per answer,
`page MS` per page, and the last figures as `figures JSON`.

    python3 console_client.py PORT CA_PEM STAFF_ID FIRST_PASSWORD ROUNDS MONTH
"""

import http.client
import json
import ssl
import sys
import time


def main() -> None:
    port, ca, staff, password, rounds, month = sys.argv[1:7]
    context = ssl.create_default_context(cafile=ca)
    connection = http.client.HTTPSConnection("127.0.0.1", int(port), context=context, timeout=600)

    def call(method: str, path: str, body=None, token=None) -> tuple[int, bytes]:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        connection.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = connection.getresponse()
        return response.status, response.read()

    status, answer = call("POST", "/console/api/session", {"id": staff, "password": password})
    if status != 200:
        status, answer = call(
            "POST", "/console/api/password",
            {"id": staff, "password": password, "newPassword": password + "-chosen"})
    if status != 200:
        sys.exit(f"sign-in failed: {status} {answer[:200]!r}")
    token = json.loads(answer)["token"]
    paths = [
        f"/console/api/figures?month={month}&group=township",
        f"/console/api/figures/output?month={month}",
        "/console/api/coverage",
    ]

    def page(label: str | None) -> float:
        started = time.perf_counter()
        for path in paths:
            before = time.perf_counter()
            status, answer = call("GET", path, token=token)
            if status != 200:
                sys.exit(f"{path}: {status} {answer[:200]!r}")
            if label:
                print(f"sample {path.split('?')[0].rsplit('/', 1)[-1]} {(time.perf_counter() - before) * 1000:.3f}")
        return (time.perf_counter() - started) * 1000

    page(None)
    for _ in range(int(rounds)):
        print(f"page {page('sample'):.3f}")
    status, answer = call("GET", paths[0], token=token)
    print(f"figures {answer.decode()}")


if __name__ == "__main__":
    main()
