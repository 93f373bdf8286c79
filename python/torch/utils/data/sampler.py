"""Samplers: SequentialSampler, RandomSampler (PyTorch 1.13's draws), BatchSampler."""
from ... import _sampling


class Sampler:
    def __init__(self, data_source=None):
        pass


class SequentialSampler(Sampler):
    def __init__(self, data_source):
        self.data_source = data_source

    def __iter__(self):
        return iter(range(len(self.data_source)))

    def __len__(self):
        return len(self.data_source)


class RandomSampler(Sampler):
    """Each pass draws a seed from the default generator (torch.empty((),
    dtype=torch.int64).random_()) and permutes with randperm from a generator
    seeded with it, as PyTorch 1.13 does."""

    def __init__(self, data_source, replacement=False, num_samples=None, generator=None):
        self.data_source = data_source
        self.replacement = replacement
        self._num_samples = num_samples
        self.generator = generator
        if not isinstance(self.replacement, bool):
            raise TypeError(f"replacement should be a boolean value, but got replacement={self.replacement}")
        if not isinstance(self.num_samples, int) or self.num_samples <= 0:
            raise ValueError(f"num_samples should be a positive integer value, but got num_samples={self.num_samples}")

    @property
    def num_samples(self):
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def __iter__(self):
        from ... import empty, int64
        n = len(self.data_source)
        if self.generator is not None:
            raise NotImplementedError("RandomSampler: a generator other than the default one is not supported")
        seed = empty((), dtype=int64).random_()
        if self.replacement:
            raise NotImplementedError("RandomSampler: replacement=True is not supported")
        if self.num_samples > n:
            # Later permutations continue the seeded generator's stream, which only randperm's one call holds.
            raise NotImplementedError("RandomSampler: num_samples larger than the data set is not supported")
        yield from _sampling._randperm_seeded(n, seed).tolist()[:self.num_samples]

    def __len__(self):
        return self.num_samples


class BatchSampler(Sampler):
    def __init__(self, sampler, batch_size, drop_last):
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size <= 0:
            raise ValueError(f"batch_size should be a positive integer value, but got batch_size={batch_size}")
        if not isinstance(drop_last, bool):
            raise ValueError(f"drop_last should be a boolean value, but got drop_last={drop_last}")
        self.sampler = sampler
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return (len(self.sampler) + self.batch_size - 1) // self.batch_size
