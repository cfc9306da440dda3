"""``make class-test`` lives here; it is a script, not a pytest test (it takes minutes and starts a hub)."""

collect_ignore = ["class_test.py", "jupyterhub_config.py"]
