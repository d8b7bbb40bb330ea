"""Knowledge of languages the readers, passes and repairs share: dates, word lists."""
