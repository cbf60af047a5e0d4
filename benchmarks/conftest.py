collect_ignore_glob = ["*"]  # benchmarks are scripts, not tests
