import importlib.metadata
import importlib.resources

import oppilashuolto


class TestPackaging:
    def test_version(self):
        """__version__ comes from the installed metadata."""
        assert importlib.metadata.version("oppilashuolto") == oppilashuolto.__version__

    def test_all_resolves(self):
        """Every name in __all__ exists and the list is sorted."""
        assert sorted(oppilashuolto.__all__) == list(oppilashuolto.__all__)
        for name in oppilashuolto.__all__:
            assert getattr(oppilashuolto, name) is not None

    def test_py_typed(self):
        """The package ships py.typed."""
        files = importlib.metadata.files("oppilashuolto") or []
        names = {f.name for f in files}
        assert (
            "py.typed" in names
            or (importlib.resources.files("oppilashuolto") / "py.typed").is_file()
        )
