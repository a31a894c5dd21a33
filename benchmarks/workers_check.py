"""Checks one run of benchmarks/workers.sh: the export against the served dataset on every fact of every name, and the
WHOIS stage as the simulator logged it (its --log since OFFSET): throughput, throttle replies, queries per registered name,
and each client address's highest count in any 10 s window against 10 x RATE + 1 (a bucket of one token never lets more).
Usage: workers_check.py SERVED.csv EXPORT.csv SIM.log OFFSET RATE LABEL"""
import bisect, csv, datetime, sys

served_path, export_path, log_path, offset, rate, label = sys.argv[1:]
offset, rate = int(offset), float(rate)

def rows(path):
    with open(path, newline='', encoding='utf-8') as f:
        f.readline()  # the declaration line
        return {r['name']: r for r in csv.DictReader(f)}

facts = ('status', 'registrar', 'registrant_handle', 'registrant_name', 'admin_handle', 'name_servers', 'created', 'updated')
served, got = rows(served_path), rows(export_path)
differ = sum(1 for n, r in served.items() if n not in got or any(r[k] != got[n][k] for k in facts)) + len(set(got) - set(served))
registered = sum(1 for r in served.values() if r['status'] in ('active', 'inactive', 'quarantine'))

times, by_client, answered, throttles = [], {}, 0, 0
with open(log_path, encoding='utf-8') as f:
    for line in f.readlines()[offset:]:
        t, client, query, answer = line.rstrip('\n').split('\t')
        s = datetime.datetime.strptime(t[:26].rstrip('Z'), '%Y-%m-%dT%H:%M:%S.%f').timestamp()
        times.append(s)
        by_client.setdefault(client, []).append(s)
        answered += answer in ('record', 'free')
        throttles += answer == 'throttle'
span = max(times) - min(times)
worst = []
for client, ts in sorted(by_client.items()):
    ts.sort()
    most = max(bisect.bisect_right(ts, t + 10) - i for i, t in enumerate(ts))
    worst.append(f"{client} {len(ts):,} queries, at most {most} in 10 s")
over = [w for w in worst if int(w.split('at most ')[1].split()[0]) > 10 * rate + 1]
print(f"  {label}: WHOIS stage {len(times):,} queries in {span:.1f} s = {answered / span:.1f} answered/s; throttle replies {throttles}; "
      f"queries / registered names = {len(times):,} / {registered:,} = {len(times) / registered:.4f}")
print(f"    per address: {'; '.join(worst)} (limit {10 * rate + 1:.0f}): {'none above' if not over else 'ABOVE: ' + ', '.join(over)}")
print(f"    export vs served: {len(got):,} rows, {differ} names differ on a fact")
