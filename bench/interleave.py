#!/usr/bin/env python3
"""Times commands in alternation and reports the median ratio of each to the first.

On a shared machine, load comes and goes: timing one command's runs and then the
other's lets a slow spell fall on one of them only. Alternating them, round after round,
puts both under the same conditions, and the median of the per-round ratios is robust
to the spells that remain.

Usage: interleave.py ROUNDS WARMUP -- CMD1 -- CMD2 [-- CMD3 …]   (each CMD one shell word
list; run with no shell, output discarded, in the current directory)
"""
import os
import statistics
import sys
import time


def run(argv):
    devnull = os.open(os.devnull, os.O_WRONLY)
    start = time.perf_counter_ns()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[
        (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    os.waitpid(pid, 0)
    elapsed = time.perf_counter_ns() - start
    os.close(devnull)
    return elapsed / 1e6


def main():
    rounds, warmup = int(sys.argv[1]), int(sys.argv[2])
    commands, current = [], None
    for word in sys.argv[3:]:
        if word == "--":
            current = []
            commands.append(current)
        else:
            current.append(word)
    for _ in range(warmup):
        for command in commands:
            run(command)
    times = [[] for _ in commands]
    for _ in range(rounds):
        for index, command in enumerate(commands):
            times[index].append(run(command))
    base = times[0]
    for index, command in enumerate(commands):
        ratios = [t / b for t, b in zip(times[index], base)]
        print(f"{statistics.median(times[index]):.2f}\t{statistics.median(ratios):.2f}\t{' '.join(command)}")


if __name__ == "__main__":
    main()
