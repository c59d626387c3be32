"""The one thing pyproject.toml cannot say: the top-level ``resources/`` folder ships as the package
``app.resources`` (see resources/__init__.py). Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["app", "app.*"]), "app.resources"],
    package_dir={"app.resources": "resources"},
)
