"""torch.backends: what this build has. Gradlab runs on the CPU only, in WebAssembly, without
cuDNN, MPS, oneDNN or OpenMP; the flags tutorials set (cudnn.benchmark, cudnn.deterministic)
are kept and change nothing."""
import types as _types


def _no():
    return False


cuda = _types.SimpleNamespace(is_built=_no)
mps = _types.SimpleNamespace(is_available=_no, is_built=_no)
cudnn = _types.SimpleNamespace(is_available=_no, enabled=True, benchmark=False, deterministic=False,
                               allow_tf32=True)
mkldnn = _types.SimpleNamespace(is_available=_no, enabled=True)
openmp = _types.SimpleNamespace(is_available=_no)
