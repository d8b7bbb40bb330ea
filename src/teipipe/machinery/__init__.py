"""The build machinery: steps over a corpus, batches on executors, the cache, progress."""
