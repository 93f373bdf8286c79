"""torch.utils.data: datasets, samplers, random_split and the single-process
DataLoader of PyTorch 1.13 (as wasm/src/data.js)."""
from .dataset import ConcatDataset, Dataset, Subset, TensorDataset, random_split
from .sampler import BatchSampler, RandomSampler, Sampler, SequentialSampler
from .dataloader import DataLoader, default_collate
