"""urls.py of the Django API: /api/items answers GET, PUT and DELETE."""
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import path


def items(request):
    if request.method not in ("GET", "PUT", "DELETE"):
        return HttpResponseNotAllowed(["GET", "PUT", "DELETE"])
    response = JsonResponse({"ok": True})
    response["X-Request-Id"] = "django-42"
    return response


urlpatterns = [path("api/items", items)]
