"""torch.save and torch.load over Python's pickle, with tensors pickled by value
(Tensor.__reduce_ex__). The bytes are pickle's, not PyTorch's zip archive: a file
saved here loads here (Pyodide's in-memory file system, or an io.BytesIO), not
in PyTorch, nor the other way round."""
import os
import pickle

from ._device import check_device, is_device


def _is_path(f):
    return isinstance(f, (str, bytes, os.PathLike))


def save(obj, f, pickle_module=pickle, pickle_protocol=2, _use_new_zipfile_serialization=True):
    if _is_path(f):
        with open(f, "wb") as out:
            pickle_module.dump(obj, out, protocol=pickle_protocol)
    else:
        pickle_module.dump(obj, f, protocol=pickle_protocol)


def load(f, map_location=None, pickle_module=pickle, *, weights_only=False, **pickle_load_args):
    # Every tensor is on the CPU already; a device asked for must be one this build has.
    if is_device(map_location):
        check_device(map_location)
    if _is_path(f):
        with open(f, "rb") as source:
            return pickle_module.load(source, **pickle_load_args)
    return pickle_module.load(f, **pickle_load_args)
