"""Test configuration: the folder of this file is on sys.path, so `support` imports."""
