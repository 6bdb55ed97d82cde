"""settings.py of a Django API as its developer has it, without CORS; the snippet is pasted at its end."""
SECRET_KEY = "cors-lens-live-test"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "django_urls"
INSTALLED_APPS = ["django.contrib.contenttypes"]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
USE_TZ = True
# CORS_LENS_FIX
