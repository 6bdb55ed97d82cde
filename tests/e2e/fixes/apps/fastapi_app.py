"""A FastAPI app as its developer has it, without CORS; the test pastes CORS Lens's snippet over the marker.
Usage: python3 fastapi_app.py PORT (Debian's python3-fastapi, python3-uvicorn)."""
import sys

import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse

app = FastAPI()
# CORS_LENS_FIX


@app.api_route("/api/items", methods=["GET", "PUT", "DELETE"])
def items():
    return JSONResponse({"ok": True}, headers={"X-Request-Id": "fastapi-42"})


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
