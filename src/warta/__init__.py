"""warta: political event data from English and Indonesian news, offline."""

__version__ = "0.1.0"
