"""read: files, folders, .jsonl, WARC -> RawInput items."""

from newsgraph.read.decode import decode, looks_binary
from newsgraph.read.sources import InputError, Item, RawInput, iter_inputs, iter_jsonl

__all__ = ["InputError", "Item", "RawInput", "decode", "iter_inputs", "iter_jsonl",
           "looks_binary"]
