"""A Flask API as its developer has it, without CORS; the test pastes CORS Lens's snippet over the marker.
Usage: python3 flask_app.py PORT (Debian's python3-flask, python3-flask-cors)."""
import sys

from flask import Flask, jsonify

app = Flask(__name__)
# CORS_LENS_FIX


@app.route("/api/items", methods=["GET", "PUT", "DELETE"])
def items():
    response = jsonify(ok=True)
    response.headers["X-Request-Id"] = "flask-42"
    return response


if __name__ == "__main__":
    from werkzeug.serving import make_server

    make_server("127.0.0.1", int(sys.argv[1]), app, threaded=True).serve_forever()
