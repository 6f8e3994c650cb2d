"""read: files, folders, .jsonl, WARC -> RawInput items."""

from newsgraph.read.decode import decode, looks_binary
from newsgraph.read.sources import (
    InputError,
    Item,
    RawInput,
    count_inputs,
    discover,
    iter_inputs,
    iter_jsonl,
)

__all__ = ["InputError", "Item", "RawInput", "count_inputs", "decode", "discover", "iter_inputs",
           "iter_jsonl", "looks_binary"]
