#!/usr/bin/env python3
"""Structural differences between two recorded protocol sets.

  python3 diff_versions.py OLD_DIR NEW_DIR        (e.g. protocol/2.1.197 protocol/2.1.332)

Compares what the transcripts show, not the values: which message kinds (type/subtype) each
direction carries, the keys each kind has, the keys of every control response by request subtype,
the initialize response, the stderr lines, the exit codes, and the session-file record types.
"""
import json, os, sys
from collections import defaultdict


def load(path):
    recs = []
    with open(path) as f:
        for line in f:
            recs.append(json.loads(line))
    return recs


def kind(m):
    if not isinstance(m, dict):
        return '<non-object>'
    t = m.get('type')
    if t == 'system':
        return 'system/%s' % m.get('subtype')
    if t == 'control_request':
        return 'control_request/%s' % (m.get('request', {}).get('subtype') or '?')
    if t == 'stream_event':
        return 'stream_event/%s' % m.get('event', {}).get('type')
    if t == 'user' and m.get('isReplay'):
        return 'user(replay)'
    return str(t)


def keys(m, prefix=''):
    out = set()
    if isinstance(m, dict):
        for k, v in m.items():
            out.add(prefix + k)
            if k in ('message', 'request', 'response', 'event', 'patch', 'input') and isinstance(v, dict):
                out |= keys(v, prefix + k + '.')
    return out


class Set:
    def __init__(self, base):
        self.base = base
        self.kinds = defaultdict(set)          # (dir, kind) -> transcripts
        self.kind_keys = defaultdict(set)      # (dir, kind) -> keys
        self.responses = defaultdict(set)      # request subtype -> response keys / error text
        self.init_response = set()
        self.stderr = defaultdict(set)
        self.exits = {}
        self.sequences = {}
        tdir = os.path.join(base, 'transcripts')
        for name in sorted(os.listdir(tdir)):
            self.read(name[:-len('.jsonl')], load(os.path.join(tdir, name)))
        rt = os.path.join(base, 'session-files', 'record_types.json')
        data = json.load(open(rt)) if os.path.exists(rt) else {}
        self.records = data.get("record_types", {})
        self.config_files = data.get("config_dir_files", {})

    def read(self, name, recs):
        pending = {}
        seq = []
        exits = []
        for r in recs:
            d, m = r['dir'], r.get('msg')
            if d == 'stderr':
                self.stderr[name].add(r.get('raw', '')[:160])
                continue
            if d == 'meta' and isinstance(m, dict) and m.get('event') == 'exit':
                exits.append(m.get('exit_code'))
            if d not in ('in', 'out') or not isinstance(m, dict):
                continue
            k = kind(m)
            self.kinds[(d, k)].add(name)
            self.kind_keys[(d, k)] |= keys(m)
            if d == 'out' and m.get('type') != 'stream_event':
                seq.append(k)
            if m.get('type') == 'control_request':
                pending[m.get('request_id')] = m.get('request', {}).get('subtype') or '?'
            if m.get('type') == 'control_response':
                resp = m.get('response', {})
                sub = pending.get(resp.get('request_id')) or '?'
                if resp.get('subtype') == 'error':
                    self.responses[(d, sub)].add('error: ' + str(resp.get('error'))[:120])
                else:
                    payload = resp.get('response')
                    self.responses[(d, sub)].add('success ' + (','.join(sorted(payload)) if isinstance(payload, dict)
                                                               else 'no payload' if payload is None else type(payload).__name__))
                    extra = sorted(set(resp) - {'subtype', 'request_id', 'response'})
                    if extra:
                        self.responses[(d, sub)].add('envelope extra: ' + ','.join(extra))
                    if sub == 'initialize' and isinstance(payload, dict):
                        self.init_response |= set(payload)
        self.exits[name] = exits
        self.sequences[name] = seq


def main():
    old, new = Set(sys.argv[1]), Set(sys.argv[2])
    ov, nv = os.path.basename(os.path.normpath(sys.argv[1])), os.path.basename(os.path.normpath(sys.argv[2]))
    print('# %s -> %s\n' % (ov, nv))
    print('## message kinds only in %s' % nv)
    for dk in sorted(set(new.kinds) - set(old.kinds)):
        print('  %-4s %-45s in %s' % (dk[0], dk[1], ' '.join(sorted(new.kinds[dk]))))
    print('## message kinds only in %s' % ov)
    for dk in sorted(set(old.kinds) - set(new.kinds)):
        print('  %-4s %-45s in %s' % (dk[0], dk[1], ' '.join(sorted(old.kinds[dk]))))
    print('## keys per kind')
    for dk in sorted(set(old.kinds) & set(new.kinds)):
        added, removed = new.kind_keys[dk] - old.kind_keys[dk], old.kind_keys[dk] - new.kind_keys[dk]
        if added or removed:
            print('  %s %s' % dk)
            if added:
                print('     + ' + ', '.join(sorted(added)))
            if removed:
                print('     - ' + ', '.join(sorted(removed)))
    print('## initialize response keys')
    print('     + ' + ', '.join(sorted(new.init_response - old.init_response)))
    print('     - ' + ', '.join(sorted(old.init_response - new.init_response)))
    print('## control responses')
    for sub in sorted(set(old.responses) | set(new.responses)):
        if old.responses[sub] != new.responses[sub]:
            print('  %s %s\n     %s: %s\n     %s: %s' % (sub[0], sub[1], ov, sorted(old.responses[sub]), nv, sorted(new.responses[sub])))
    print('## exit codes')
    for name in sorted(set(old.exits) | set(new.exits)):
        if old.exits.get(name) != new.exits.get(name):
            print('  %-40s %s -> %s' % (name, old.exits.get(name), new.exits.get(name)))
    print('## stdout sequences (without stream_event) that differ')
    for name in sorted(set(old.sequences) & set(new.sequences)):
        if old.sequences[name] != new.sequences[name]:
            print('  %s\n     %s: %s\n     %s: %s' % (name, ov, ' '.join(old.sequences[name]), nv, ' '.join(new.sequences[name])))
    print('## stderr')
    for name in sorted(set(old.stderr) | set(new.stderr)):
        if old.stderr.get(name, set()) != new.stderr.get(name, set()):
            print('  %s\n     %s: %s\n     %s: %s' % (name, ov, sorted(old.stderr.get(name, [])), nv, sorted(new.stderr.get(name, []))))
    print('## session-file record types')
    for t in sorted(set(old.records) | set(new.records)):
        a, b = old.records.get(t), new.records.get(t)
        if a is None or b is None:
            print('  %s only in %s' % (t, nv if a is None else ov))
            continue
        ka, kb = set(a.get('keys', {})), set(b.get('keys', {}))
        if ka != kb:
            print('  %s  + %s  - %s' % (t, sorted(kb - ka), sorted(ka - kb)))
    print('## config-dir files (pattern: count)')
    for f in sorted(set(old.config_files) | set(new.config_files)):
        if (f in old.config_files) != (f in new.config_files):
            print('  %s only in %s' % (f, nv if f in new.config_files else ov))


if __name__ == '__main__':
    main()
