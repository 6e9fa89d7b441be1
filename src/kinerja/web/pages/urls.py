"""URLs of the main pages: sign-in, landing, government overview, agency beranda, entry grid,
history of a figure, evidence download, language switch."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, path, reverse_lazy
from django.views.i18n import set_language

from kinerja.web.pages import views

app_name = "pages"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("masuk/", auth_views.LoginView.as_view(
        template_name="kinerja/registration/login.html", redirect_authenticated_user=True),
        name="login"),
    path("keluar/", auth_views.LogoutView.as_view(
        template_name="kinerja/registration/logged_out.html"), name="logout"),
    path("kata-sandi/", auth_views.PasswordChangeView.as_view(
        template_name="kinerja/registration/password_change.html",
        success_url=reverse_lazy("pages:password_change_done")), name="password_change"),
    path("kata-sandi/selesai/", auth_views.PasswordChangeDoneView.as_view(
        template_name="kinerja/registration/password_change_done.html"),
        name="password_change_done"),
    path("bahasa/", set_language, name="set_language"),
    path("ringkasan/", views.ringkasan, name="ringkasan"),
    path("pemda/<int:pk>/", views.pemda, name="pemda"),
    path("pd/<slug:slug>/", views.beranda, name="beranda"),
    path("pd/<slug:slug>/isi/", views.isian, name="isian"),
    path("pd/<slug:slug>/isi/simpan/", views.simpan, name="simpan"),
    path("riwayat/<str:model>/<int:pk>/", views.riwayat, name="riwayat"),
    path("bukti/<int:pk>/", views.bukti, name="bukti"),
]
