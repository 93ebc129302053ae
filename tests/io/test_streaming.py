"""Loading a JSON file a record at a time gives what loads gives on the whole text."""

import gc
import json
import os
import tempfile
import threading
import tracemalloc

from pathlib import Path

import pytest

from hypothesis import given
from hypothesis import strategies as st

from oppilashuolto import examples
from oppilashuolto.errors import StructureError
from oppilashuolto.io import _stream, dumps, formats, load, loads
from oppilashuolto.io.migrations import MIGRATIONS, SCHEMA_VERSION
from oppilashuolto.model import Organisation, WelfareStructure
from oppilashuolto.synthetic import national
from oppilashuolto.testing import welfare_structures


CHUNKS = (1, 2, 3, 7, 64, _stream.CHUNK_SIZE)  # a file within one chunk is read whole
SMALL = WelfareStructure(
    id="s",
    name="S",
    organisations=[
        Organisation(id="a", kind="school", name="Äijälän koulu"),
        Organisation(id="b", kind="school", name="B – toinen"),
    ],
)


def outcome(fn):
    """Return ("ok", structure) or ("error", the error's text)."""
    try:
        return "ok", fn()
    except StructureError as exc:
        return "error", str(exc)


def check(path, chunks=CHUNKS):
    """Loading *path* at every chunk size gives what loads gives on its bytes."""
    expected = outcome(lambda: loads(path.read_bytes(), source=str(path)))
    for chunk in chunks:
        assert expected == outcome(lambda c=chunk: formats._load(path, chunk_size=c))
    assert expected == outcome(lambda: load(path))
    return expected


def json_error_place(text):
    """Return "(line L, column C)" of json.loads' error in *text*, or None."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return f"(line {exc.lineno}, column {exc.colno})"
    return None


@pytest.fixture
def streamed(monkeypatch):
    """Fail the test if load falls back to reading the whole text."""

    def whole_text(*_, **__):
        pytest.fail("load read the whole text")

    monkeypatch.setattr(formats, "_read_all", whole_text)


class TestSameStructure:
    @pytest.mark.parametrize("name", examples.names())
    def test_bundled_examples(self, name, tmp_path, streamed):
        """Every bundled example loads a record at a time, equal to loads, at any chunk size."""
        structure = examples.load(name)
        path = tmp_path / f"{name}.json"
        path.write_text(dumps(structure), "utf-8")
        for chunk in CHUNKS[:-1]:
            assert structure == formats._load(path, chunk_size=chunk)

    @given(
        welfare_structures(),
        st.sampled_from(CHUNKS),
        st.sampled_from(
            [
                {"indent": 2},
                {"indent": None},
                {"indent": "\t"},
                {"separators": (",", ":")},
            ]
        ),
        st.booleans(),
    )
    def test_generated(self, structure, chunk, layout, ascii_only):
        """Generated structures in any JSON layout load equal to loads."""
        text = json.dumps(
            json.loads(dumps(structure)), ensure_ascii=ascii_only, **layout
        )
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "s.json"
            path.write_text(text, "utf-8")
            assert structure == loads(text) == formats._load(path, chunk_size=chunk)

    def test_record_longer_than_many_chunks(self, tmp_path, monkeypatch):
        """A value far longer than a chunk is read in a few growing steps, not chunk by chunk."""
        long = "pitkä kuvaus " * 80_000
        structure = WelfareStructure(
            id="s",
            name="S",
            description=long,
            organisations=[Organisation(id="a", kind="school", name="A", note=long)],
        )
        path = tmp_path / "s.json"
        path.write_text(dumps(structure), "utf-8")
        reads = []
        opened = Path.open

        def counting_open(self, *args, **kwargs):
            handle = opened(self, *args, **kwargs)
            read = handle.read

            class Counting:
                def __getattr__(self, name):
                    return getattr(handle, name)

                def __enter__(self):
                    return self

                def __exit__(self, *exc):
                    handle.close()

                def read(self, size=-1):
                    reads.append(size)
                    return read(size)

            return Counting()

        monkeypatch.setattr(Path, "open", counting_open)
        assert structure == formats._load(path, chunk_size=64)
        assert len(reads) < 60, len(reads)  # a chunk at a time would be ~30 000

    def test_only_files_larger_than_a_chunk_stream(self, tmp_path, monkeypatch):
        """A file that fits in one chunk is read whole; a larger one a record at a time."""
        path = tmp_path / "s.json"
        path.write_text(dumps(SMALL), "utf-8")
        size = path.stat().st_size
        whole = []
        real = formats._loads

        def spy(*args, **kwargs):
            whole.append(size)
            return real(*args, **kwargs)

        monkeypatch.setattr(formats, "_loads", spy)
        assert SMALL == formats._load(path, chunk_size=size - 1)
        assert [] == whole
        assert SMALL == formats._load(path, chunk_size=size)
        assert [size] == whole

    def test_byte_order_mark(self, tmp_path, streamed):
        """A UTF-8 byte order mark is skipped, as by loads."""
        path = tmp_path / "s.json"
        path.write_bytes(b"\xef\xbb\xbf" + dumps(SMALL).encode())
        for chunk in CHUNKS[:-1]:
            assert SMALL == formats._load(path, chunk_size=chunk)

    def test_two_byte_order_marks(self, tmp_path):
        """A second byte order mark is an error, as with loads."""
        path = tmp_path / "s.json"
        path.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + dumps(SMALL).encode())
        kind, text = check(path)
        assert "error" == kind
        assert "broken JSON" in text

    def test_key_orders_and_repeats(self, tmp_path):
        """Keys in another order, repeated keys and non-list collections give what loads gives."""
        document = json.loads(dumps(SMALL))
        variants = [
            {
                **{k: v for k, v in document.items() if k != "schema_version"},
                "schema_version": 1,
            },
            {**document, "organisations": [], "name": "Uusi"},
            {**document, "organisations": None},
            {**document, "organisations": {"a": 1}},
            {**document, "colour": [1, 2]},
        ]
        for variant in variants:
            path = tmp_path / "s.json"
            path.write_text(json.dumps(variant, indent=2), "utf-8")
            check(path)
        text = dumps(SMALL)
        repeated = text.replace(
            '"name": "S",', '"organisations": [{"id": 5}],\n  "name": "S",', 1
        )
        for version in ('"schema_version": 1', '"schema_version": 99'):
            path.write_text(repeated[:-2] + f",\n  {version}\n}}\n", "utf-8")
            check(path)

    def test_older_schema_falls_back_to_migration(self, tmp_path, monkeypatch):
        """An older schema version is migrated on the whole document, as by loads."""
        monkeypatch.setattr(
            "oppilashuolto.io.migrations.SCHEMA_VERSION", SCHEMA_VERSION + 1
        )
        monkeypatch.setitem(
            MIGRATIONS,
            SCHEMA_VERSION,
            lambda d: {
                **{k: v for k, v in d.items() if k != "title"},
                "name": d["title"],
            },
        )
        path = tmp_path / "s.json"
        path.write_text(
            json.dumps({"schema_version": SCHEMA_VERSION, "id": "s", "title": "Vanha"}),
            "utf-8",
        )
        assert ("ok", WelfareStructure(id="s", name="Vanha")) == check(path)
        path.write_text(
            dumps(SMALL).replace(
                f'"schema_version": {SCHEMA_VERSION}',
                f'"schema_version": {SCHEMA_VERSION + 1}',
            ),
            "utf-8",
        )
        assert ("ok", SMALL) == check(path)

    def test_not_a_regular_file(self, tmp_path):
        """A named pipe, which cannot be read twice, is read whole."""
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        path = tmp_path / "pipe.json"
        os.mkfifo(path)
        writer = threading.Thread(target=path.write_text, args=(dumps(SMALL),))
        writer.start()
        try:
            assert SMALL == load(path)
        finally:
            writer.join()


class TestErrors:
    def test_wrong_types_name_their_paths(self, tmp_path, streamed):
        """Record errors are collected without falling back, with their paths."""
        document = json.loads(dumps(SMALL))
        document["organisations"][1]["name"] = 5
        document["organisations"].append({"id": "c", "name": "C"})
        document["people"] = [{"id": "p", "name": "P"}, "x", {"id": "q", "nimi": "Q"}]
        document["extra"] = 1
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document, indent=2), "utf-8")
        with pytest.raises(StructureError) as streaming:
            formats._load(path, chunk_size=5)
        with pytest.raises(StructureError) as whole:
            loads(path.read_bytes(), source=str(path))
        assert streaming.value.messages == whole.value.messages
        assert str(streaming.value).startswith(f"{path}: invalid welfare structure\n")
        messages = streaming.value.messages
        assert any(m.endswith("@ $.organisations[1].name") for m in messages)
        assert "required field missing @ $.organisations[2].kind" in messages
        assert any(m.endswith("@ $.people[1]") for m in messages)
        assert any(
            "extra fields found (nimi)" in m and "$.people[2]" in m for m in messages
        )

    def test_wrong_types_as_loads(self, tmp_path):
        """The record errors read exactly as those of loads."""
        document = json.loads(dumps(SMALL))
        document["organisations"][0]["period"] = "kevät 2014"
        document["organisations"][1]["kind"] = "koulu"
        document["groups"] = [
            {"id": "g", "kind": "school_welfare_group", "name": ["G"]}
        ]
        document["name_sv"] = 7
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document, indent=2), "utf-8")
        kind, text = check(path)
        assert "error" == kind
        assert "$.organisations[0].period" in text
        assert "$.groups[0].name" in text

    def test_structure_problems_as_loads(self, tmp_path):
        """Problems found by the whole structure (duplicates, dangling ids) read as with loads."""
        document = json.loads(dumps(SMALL))
        document["organisations"][1]["id"] = "a"
        document["memberships"] = [{"id": "m", "group_id": "g", "role": "member"}]
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document, indent=2), "utf-8")
        kind, text = check(path)
        assert "error" == kind
        assert "id 'a' is used twice" in text

    def test_every_truncation(self, tmp_path):
        """A file cut off anywhere gives the error loads gives, line and column included."""
        data = dumps(SMALL).encode()
        path = tmp_path / "cut.json"
        for end in range(len(data) - 1):
            path.write_bytes(data[:end])
            kind, _ = check(path, chunks=(1, 4, _stream.CHUNK_SIZE))
            assert "error" == kind, end

    def test_syntax_errors_give_file_wide_lines(self, tmp_path):
        """A broken token anywhere gives loads' message, with the line and column in the file."""
        text = dumps(SMALL)
        path = tmp_path / "broken.json"
        breakers = ("}", "]", ",", ":", "x", '"', "\n,", " ,]")
        for at in range(0, len(text), 7):
            for breaker in breakers:
                broken = text[:at] + breaker + text[at:]
                path.write_text(broken, "utf-8")
                kind, message = check(path, chunks=(3, _stream.CHUNK_SIZE))
                where = json_error_place(broken)
                if where is not None:
                    assert ("error", True) == (kind, where in message)

    def test_syntax_error_deep_in_a_large_file(self, tmp_path):
        """The line and column count from the start of the file, not of a chunk."""
        structure = WelfareStructure(
            id="s",
            name="S",
            organisations=[
                Organisation(id=f"o{i}", kind="school", name=f"Koulu {i}")
                for i in range(2000)
            ],
        )
        text = dumps(structure)
        at = text.index('"o1500"')
        path = tmp_path / "broken.json"
        path.write_text(text[:at] + "'o1500'" + text[at + 7 :], "utf-8")
        line = text[:at].count("\n") + 1
        column = at - text.rindex("\n", 0, at)
        kind, message = check(path, chunks=(1000, _stream.CHUNK_SIZE))
        assert "error" == kind
        assert f"(line {line}, column {column})" in message

    @pytest.mark.parametrize(
        "data",
        [
            b"",
            b"  \n",
            b"[]",
            b"5",
            b'"text"',
            b"null",
            b"{}",
            b'{"schema_version": 1}',
            b'{"id": "s", "name": "S", "schema_version": 1}',
            b'{"schema_version": "1", "id": "s", "name": "S"}',
            b'{"schema_version": true, "id": "s", "name": "S"}',
            b'{"schema_version": 99, "id": "s", "name": "S"}',
            b'{"schema_version": 1, "id": "s", "name": "S",}',
            b'{"schema_version": 1, "id": "s", "name": "S"} x',
            b'{"schema_version": 1, "id": "s", "name": "S"}{}',
            b'{"schema_version": 1, "id": "s", "name": "S", "people": [,]}',
            b'{"schema_version": 1, "id": "s", "name": "S", "people": [{"id": "p"},]}',
            b'{"schema_version": 1, "id": "s", "name": "S", "people": [{"id": "p"} {}]}',
            b'{"schema_version": 1, "id": "s", "name": "S", "people": [NaN, -Infinity, 1e999]}',
            b'{"schema_version": 1, "id": "s", "name": "S", "people": [1, 12, 123]}',
            b'{"schema_version": 1 "id": "s", "name": "S"}',
            b'{"schema_version": 1, id: "s", "name": "S"}',
            b'{"schema_version": 1, "id" "s", "name": "S"}',
            b'{"schema_version": 1, "id": "s\x01", "name": "S"}',
            b'{"schema_version": 1, "id": "s", "name": "S", "people": ['
            + b"[" * 100_000
            + b"]" * 100_000
            + b"]}",
            b'{"schema_version": 1, "id": "s", "name": "S", "people": [{"id": "\xff"}]}',
            b'{"schema_version": 1, "id": "s", "name": "S\xc3"}',
            b'{"schema_version": 1, "id": "s", "name": "S\xed\xa0\x80"}',
            b'{"schema_version": 1, "id": "s", "name": "S"}\xc3',
            b'\xff{"schema_version": 1}',
            b'\xef\xbb{"schema_version": 1}',
            b'{"schema_version": 1, "id": "s", "name": "S"}\n\n',
            b'\r\n\t {"schema_version"\n:\n1\n,"id":"s","name":"S","people":[\n]\n}',
        ],
    )
    def test_bad_input(self, tmp_path, data):
        """Odd and bad input gives what loads gives, naming the file."""
        path = tmp_path / "odd.json"
        path.write_bytes(data)
        kind, result = check(path)
        if kind == "error":
            assert result.startswith(f"{path}: invalid welfare structure\n")

    def test_invalid_utf8_offset_across_chunks(self, tmp_path):
        """An invalid byte far into the file is reported at its offset in the file."""
        data = bytearray(dumps(SMALL).encode())
        at = data.index("Äijälän".encode())
        data[at] = 0xFF
        path = tmp_path / "latin.json"
        path.write_bytes(bytes(data))
        kind, text = check(path)
        assert "error" == kind
        assert f"(invalid byte at offset {at}) @ $" in text

    def test_too_large(self, tmp_path, monkeypatch):
        """A file over the size limit is refused before it is read."""
        monkeypatch.setattr(formats, "_MAX_BYTES", 100)
        path = tmp_path / "big.json"
        path.write_text(dumps(SMALL), "utf-8")
        with pytest.raises(StructureError) as info:
            load(path)
        assert (
            "file is larger than 100 bytes (raise max_bytes to read it) @ $",
        ) == info.value.messages

    @pytest.mark.parametrize("chunk_size", [64, _stream.CHUNK_SIZE])
    def test_max_bytes(self, tmp_path, chunk_size):
        """max_bytes lowers or raises the limit, streamed or read whole, and on fallback."""
        path = tmp_path / "s.json"
        text = dumps(SMALL)
        path.write_text(text, "utf-8")
        size = len(text.encode("utf-8"))
        broken = tmp_path / "broken.json"
        broken.write_text(text[:-3], "utf-8")
        with pytest.raises(StructureError, match="larger than 10 bytes"):
            formats._load(path, chunk_size=chunk_size, max_bytes=10)
        with pytest.raises(StructureError, match="larger than"):
            load(path, max_bytes=size - 1)
        loaded = formats._load(path, chunk_size=chunk_size, max_bytes=size)
        with pytest.raises(StructureError, match="line") as info:
            formats._load(broken, chunk_size=chunk_size, max_bytes=size)
        assert (SMALL, True) == (loaded, "larger than" not in str(info.value))

    def test_unreadable(self, tmp_path):
        """A folder or a missing file cannot be read, as before."""
        (tmp_path / "folder.json").mkdir()
        for name in ("folder.json", "missing.json"):
            with pytest.raises(StructureError, match=r"cannot read file: .+ @ \$"):
                load(tmp_path / name)


class TestCollector:
    def test_paused_while_streaming_and_restored(self, tmp_path, monkeypatch):
        """The cyclic collector is off while records are read, and back on after, also after an error."""
        seen = []
        structure = _stream._collections()["organisations"].structure

        def spy(value, tp):
            seen.append(gc.isenabled())
            return structure(value, tp)

        collections = dict(_stream._collections())
        collections["organisations"] = _stream._Collection(
            collections["organisations"].tuple_type,
            collections["organisations"].item_type,
            spy,
        )
        monkeypatch.setattr(_stream, "_collections", lambda: collections)
        path = tmp_path / "s.json"
        path.write_text(dumps(SMALL), "utf-8")
        assert gc.isenabled()
        assert SMALL == formats._load(path, chunk_size=16)
        assert ([False, False], True) == (seen, gc.isenabled())
        path.write_text(dumps(SMALL)[:-5], "utf-8")
        with pytest.raises(StructureError):
            formats._load(path, chunk_size=16)
        assert gc.isenabled()


class TestMemory:
    def test_never_holds_the_text_and_the_document(self, tmp_path):
        """What loading allocates beyond the loaded structure is a small part of the file."""
        path = tmp_path / "national.json"
        path.write_text(dumps(national(seed=1, scale=0.01)), "utf-8")
        size = path.stat().st_size
        gc.collect()
        tracemalloc.start()
        try:
            before, _ = tracemalloc.get_traced_memory()
            # a window far smaller than the file, as at national scale
            structure = formats._load(path, chunk_size=1 << 16)
            _, peak = tracemalloc.get_traced_memory()
            gc.collect()
            kept, _ = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert structure.organisations
        # the whole-text path holds the bytes, the text and the document: over 2x
        assert (peak - kept) < 0.25 * size, (
            (peak - before) / size,
            (kept - before) / size,
        )
