#!/usr/bin/env python3
"""Probe scenarios against the real Claude Code CLI.

  python3 scenarios.py PORT NAME [NAME...]     (NAME 'all' runs every scenario)

Each scenario writes out/<NAME>.jsonl (the stdin/stdout transcript) and
logs/<NAME>.req.jsonl (what the CLI sent to the fake Messages API).
"""
import sys, json, time, os, shutil, threading, uuid, subprocess
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driver import Api, Cli, text, tool, PROBE, CLAUDE, SDK_ARGS

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 18601
os.environ['FAKE_API_PORT'] = str(PORT)
api = Api(PORT)
SCEN = {}


def scenario(f):
    SCEN[f.__name__.lstrip('s_')] = f
    return f


def fresh(name):
    for d in ('%s/ws/%s' % (PROBE, name), '%s/cfg/%s' % (PROBE, name)):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    p = '%s/logs/%s.req.jsonl' % (PROBE, name)
    if os.path.exists(p):
        os.remove(p)
    api.reset(log=p)


HOOKS = {
    'PreToolUse': [{'matcher': 'Bash', 'hookCallbackIds': ['hook_0']}],
    'PostToolUse': [{'matcher': None, 'hookCallbackIds': ['hook_1']}],
    'UserPromptSubmit': [{'matcher': None, 'hookCallbackIds': ['hook_2']}],
    'Stop': [{'matcher': None, 'hookCallbackIds': ['hook_3']}],
}
AGENTS = {'reviewer': {'description': 'Reviews code for bugs', 'prompt': 'You are a strict code reviewer.',
                       'tools': ['Read', 'Grep'], 'model': 'sonnet'}}


# ------------------------------------------------------------------ 1 initialize
@scenario
def s_01_initialize_plain():
    n = '01_initialize_plain'
    fresh(n)
    c = Cli(n)
    c.initialize()
    c.note('second initialize on the same process')
    c.initialize()
    c.note('close stdin without any user message')
    c.close()


@scenario
def s_02_initialize_hooks():
    n = '02_initialize_hooks'
    fresh(n)
    c = Cli(n)
    c.initialize(hooks=HOOKS)
    c.user('hello')
    c.result()
    c.idle(0.5)
    c.close()


@scenario
def s_03_initialize_agents():
    n = '03_initialize_agents'
    fresh(n)
    c = Cli(n)
    c.initialize(agents=AGENTS)
    c.user('hello')
    c.result()
    c.close()


@scenario
def s_04_initialize_sdk_mcp():
    n = '04_initialize_sdk_mcp'
    fresh(n)
    c = Cli(n)
    c.initialize(sdkMcpServers=['calc'])
    c.user('hello')
    c.result()
    c.close()


@scenario
def s_05_sdk_mcp_via_mcp_config():
    n = '05_sdk_mcp_via_mcp_config'
    fresh(n)
    c = Cli(n, args=['--mcp-config', json.dumps({'mcpServers': {'calc': {'type': 'sdk', 'name': 'calc'}}})])
    c.initialize()
    c.user('hello')
    c.result()
    c.close()


@scenario
def s_06_initialize_everything():
    n = '06_initialize_everything'
    fresh(n)
    c = Cli(n, args=['--mcp-config', json.dumps({'mcpServers': {'calc': {'type': 'sdk', 'name': 'calc'}}}),
                     '--permission-prompt-tool', 'stdio'])
    c.initialize(hooks=HOOKS, agents=AGENTS, sdkMcpServers=['calc'], appendSystemPrompt='Always answer briefly.')
    c.user('hello')
    c.result()
    c.idle(0.5)
    c.close()


# ------------------------------------------------------------------ 2 plain turns
@scenario
def s_10_plain_turn():
    n = '10_plain_turn'
    fresh(n)
    c = Cli(n)
    c.initialize()
    api.enqueue(text('Hello! How can I help?'))
    c.user('hello')
    c.result()
    c.close()


@scenario
def s_11_partial_messages():
    n = '11_partial_messages'
    fresh(n)
    c = Cli(n, args=['--include-partial-messages'])
    c.initialize()
    api.enqueue({'blocks': [{'type': 'thinking', 'thinking': 'The user greets me. I should greet back.',
                             'signature': 'c2lnLXRoaW5raW5n'},
                            {'type': 'text', 'text': 'Hello there, friend!'}], 'text_chunk': 8})
    c.user('hello')
    c.result()
    c.close()


@scenario
def s_12_partial_messages_tool_use():
    n = '12_partial_messages_tool_use'
    fresh(n)
    c = Cli(n, args=['--include-partial-messages', '--allowedTools', 'Bash'])
    c.initialize()
    api.enqueue(tool('Bash', {'command': 'echo hi', 'description': 'Print hi'}, pre_text='Running it.',
                     json_chunk=10),
                text('Done: hi'))
    c.user('run echo hi')
    c.result()
    c.close()


@scenario
def s_13_subagent_task():
    """Agent (Task) tool: subagent messages carry parent_tool_use_id."""
    n = '13_subagent_task'
    fresh(n)
    c = Cli(n, args=['--allowedTools', 'Agent,Task'])
    c.initialize()
    api.enqueue(tool('Agent', {'description': 'Say hi via subagent', 'prompt': 'Reply with the word hi.',
                               'subagent_type': 'general-purpose'}, tid='toolu_parent_agent_1'),
                text('hi (from the subagent)'),
                text('The subagent said hi.'))
    c.user('ask a subagent to say hi')
    c.result(timeout=60)
    c.idle(0.5)
    c.close()


@scenario
def s_14_json_schema_structured_output():
    n = '14_json_schema_structured_output'
    fresh(n)
    schema = {'type': 'object', 'properties': {'answer': {'type': 'string'}}, 'required': ['answer']}
    c = Cli(n, args=['--json-schema', json.dumps(schema)])
    c.initialize()
    api.enqueue(tool('StructuredOutput', {'answer': '42'}), text('Done.'))
    c.user('what is the answer? reply as JSON')
    c.result(timeout=30)
    c.idle(0.5)
    c.close()


@scenario
def s_15_max_turns():
    n = '15_max_turns'
    fresh(n)
    c = Cli(n, args=['--max-turns', '1', '--allowedTools', 'Bash'])
    c.initialize()
    api.enqueue(tool('Bash', {'command': 'echo one', 'description': 'Print one'}), text('unused'))
    c.user('run echo one')
    c.result()
    c.idle(0.3)
    api.reset()
    c.close()


@scenario
def s_16_max_budget():
    n = '16_max_budget'
    fresh(n)
    c = Cli(n, args=['--max-budget-usd', '0.0001', '--allowedTools', 'Bash'])
    c.initialize()
    api.enqueue(tool('Bash', {'command': 'echo one', 'description': 'Print one'}), text('unused'))
    c.user('run echo one')
    c.result()
    c.idle(0.3)
    api.reset()
    c.close()


@scenario
def s_17_user_content_blocks():
    """User message with a content-block array (text + base64 PNG image)."""
    n = '17_user_content_blocks'
    fresh(n)
    png = ('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==')
    c = Cli(n)
    c.initialize()
    api.enqueue(text('I see a 1x1 image.'))
    c.user([{'type': 'text', 'text': 'what is in this image?'},
            {'type': 'image', 'source': {'type': 'base64', 'media_type': 'image/png', 'data': png}}])
    c.result()
    c.close()


# ------------------------------------------------------------------ 3 multi-turn / resume / fork
SESS = {}


@scenario
def s_20_multi_turn():
    n = '20_multi_turn'
    fresh(n)
    c = Cli(n)
    c.initialize()
    api.enqueue(text('Nice to meet you, Ada.'), text('Your name is Ada.'))
    c.user('My name is Ada.')
    r1 = c.result()
    c.user('What is my name?')
    r2 = c.result()
    c.close()
    SESS['sid'] = r1['session_id']
    json.dump({'sid': r1['session_id']}, open('%s/cfg/%s/probe_sid.json' % (PROBE, n), 'w'))


def _sid():
    if 'sid' not in SESS:
        SESS.update(json.load(open('%s/cfg/20_multi_turn/probe_sid.json' % PROBE)))
    return SESS['sid']


@scenario
def s_21_resume():
    n = '21_resume'
    api.reset(log='%s/logs/%s.req.jsonl' % (PROBE, n))
    sid = _sid()
    c = Cli(n, args=['--resume', sid], cwd='%s/ws/20_multi_turn' % PROBE, cfg='%s/cfg/20_multi_turn' % PROBE)
    c.initialize()
    api.enqueue(text('Still Ada.'))
    c.user('Say my name again.')
    c.result()
    c.close()


@scenario
def s_22_fork_session():
    n = '22_fork_session'
    api.reset(log='%s/logs/%s.req.jsonl' % (PROBE, n))
    sid = _sid()
    c = Cli(n, args=['--resume', sid, '--fork-session'], cwd='%s/ws/20_multi_turn' % PROBE,
            cfg='%s/cfg/20_multi_turn' % PROBE)
    c.initialize()
    api.enqueue(text('Forked: still Ada.'))
    c.user('Are we in a fork?')
    c.result()
    c.close()


@scenario
def s_23_continue():
    n = '23_continue'
    api.reset(log='%s/logs/%s.req.jsonl' % (PROBE, n))
    c = Cli(n, args=['--continue'], cwd='%s/ws/20_multi_turn' % PROBE, cfg='%s/cfg/20_multi_turn' % PROBE)
    c.initialize()
    api.enqueue(text('Continued.'))
    c.user('Continue please.')
    c.result()
    c.close()


@scenario
def s_24_resume_unknown_session():
    n = '24_resume_unknown_session'
    fresh(n)
    c = Cli(n, args=['--resume', '00000000-0000-4000-8000-000000000000'])
    c.initialize(timeout=10)
    c.user('hello')
    c.result(timeout=10)
    c.idle(0.5)
    c.close()


@scenario
def s_25_replay_user_messages():
    n = '25_replay_user_messages'
    fresh(n)
    c = Cli(n, args=['--replay-user-messages'])
    c.initialize()
    api.enqueue(text('Echoed.'))
    c.user('hello with my own uuid', uuid='11111111-2222-4333-8444-555555555555')
    c.result()
    c.close()


@scenario
def s_26_queued_user_message():
    """Second user message written while the first turn is still streaming."""
    n = '26_queued_user_message'
    fresh(n)
    c = Cli(n)
    c.initialize()
    api.enqueue(text('First answer, streamed slowly.', delay=0.15, text_chunk=4), text('Second answer.'))
    c.user('first question')
    c.wait_type('system', 'init')
    time.sleep(0.3)
    c.user('second question')
    c.result()
    c.result()
    c.idle(0.5)
    c.close()


@scenario
def s_27_session_id_flag():
    n = '27_session_id_flag'
    fresh(n)
    c = Cli(n, args=['--session-id', '12345678-1234-4234-8234-123456789abc'])
    c.initialize()
    c.user('hello')
    c.result()
    c.close()


# ------------------------------------------------------------------ 4 permissions + hooks
PERM = ['--permission-prompt-tool', 'stdio']


@scenario
def s_30_permission_allow_updated_input():
    n = '30_permission_allow_updated_input'
    fresh(n)

    def allow(r):
        inp = dict(r['request']['input'])
        inp['command'] = 'touch changed-by-sdk.txt && echo created'
        return {'behavior': 'allow', 'updatedInput': inp}
    c = Cli(n, args=PERM, handlers={'can_use_tool': allow})
    c.initialize()
    api.enqueue(tool('Bash', {'command': 'touch original.txt && echo created', 'description': 'Create a file'}),
                text('The file was created.'))
    c.user('create original.txt')
    c.result()
    c.note('files in cwd after turn: %r' % sorted(os.listdir(c.cwd)))
    c.close()


@scenario
def s_30b_permission_odd_answers():
    """can_use_tool answered (1) allow without updatedInput, (2) with a control error, (3) with a bogus behavior."""
    n = '30b_permission_odd_answers'
    fresh(n)
    answers = [{'behavior': 'allow'}, ('error', 'permission callback crashed in SDK'), {'behavior': 'maybe'}]

    def perm(r):
        return answers.pop(0) if answers else {'behavior': 'allow', 'updatedInput': r['request']['input']}
    c = Cli(n, args=PERM, handlers={'can_use_tool': perm})
    c.initialize()
    api.enqueue(tool('Bash', {'command': 'touch one.txt', 'description': 'Create one.txt'}),
                tool('Bash', {'command': 'touch two.txt', 'description': 'Create two.txt'}),
                tool('Bash', {'command': 'touch three.txt', 'description': 'Create three.txt'}),
                text('Tried three times.'))
    c.user('create three files')
    c.result()
    c.note('files in cwd after turn: %r' % sorted(os.listdir(c.cwd)))
    c.idle(0.3)
    api.reset()
    c.close()


@scenario
def s_31_permission_deny():
    n = '31_permission_deny'
    fresh(n)
    c = Cli(n, args=PERM, handlers={'can_use_tool': lambda r: {'behavior': 'deny', 'message': 'Denied by SDK policy: no rm'}})
    c.initialize()
    api.enqueue(tool('Bash', {'command': 'rm -rf ./build', 'description': 'Delete build dir'}), text('OK, I will not delete it.'))
    c.user('delete the build dir')
    c.result()
    c.close()


@scenario
def s_32_permission_deny_interrupt():
    n = '32_permission_deny_interrupt'
    fresh(n)
    c = Cli(n, args=PERM, handlers={'can_use_tool': lambda r: {'behavior': 'deny', 'message': 'Stop everything', 'interrupt': True}})
    c.initialize()
    api.enqueue(tool('Bash', {'command': 'rm -rf ./build', 'description': 'Delete build dir'}), text('unused'))
    c.user('delete the build dir')
    c.result()
    c.idle(0.5)
    api.reset()
    c.close()


@scenario
def s_33_permission_write_read_edit():
    n = '33_permission_write_read_edit'
    fresh(n)
    seen = []

    def perm(r):
        seen.append(r['request']['tool_name'])
        if r['request']['tool_name'] == 'Edit':
            return {'behavior': 'allow', 'updatedInput': r['request']['input'],
                    'updatedPermissions': [{'type': 'addRules', 'rules': [{'toolName': 'Edit'}],
                                            'behavior': 'allow', 'destination': 'session'}]}
        return {'behavior': 'allow', 'updatedInput': r['request']['input']}
    c = Cli(n, args=PERM, handlers={'can_use_tool': perm})
    f = c.cwd + '/notes.txt'
    c.initialize()
    api.enqueue(tool('Write', {'file_path': f, 'content': 'alpha\nbeta\n'}),
                tool('Read', {'file_path': f}),
                tool('Edit', {'file_path': f, 'old_string': 'alpha', 'new_string': 'ALPHA'}),
                tool('Edit', {'file_path': f, 'old_string': 'beta', 'new_string': 'BETA'}),
                text('Wrote, read and edited notes.txt twice.'))
    c.user('create notes.txt, read it, then edit it twice')
    c.result()
    c.note('file now: %r; permission prompts seen: %r' % (open(f).read(), seen))
    c.close()


@scenario
def s_34_no_permission_prompt_tool():
    n = '34_no_permission_prompt_tool'
    fresh(n)
    c = Cli(n)
    c.initialize()
    api.enqueue(tool('Bash', {'command': 'touch x', 'description': 'Create x'}), text('Could not run it.'))
    c.user('touch x')
    c.result()
    c.close()


def hook_responder(answers):
    def h(r):
        ev = r['request']['input'].get('hook_event_name')
        return answers.get(ev, {'continue': True})
    return h


@scenario
def s_35_hooks_tool_flow():
    n = '35_hooks_tool_flow'
    fresh(n)
    answers = {
        'PreToolUse': {'continue': True, 'hookSpecificOutput': {'hookEventName': 'PreToolUse',
                                                                'permissionDecision': 'ask'}},
        'PostToolUse': {'continue': True, 'hookSpecificOutput': {'hookEventName': 'PostToolUse',
                                                                 'additionalContext': 'PostToolUse hook says: output checked.'}},
        'UserPromptSubmit': {'continue': True, 'hookSpecificOutput': {'hookEventName': 'UserPromptSubmit',
                                                                      'additionalContext': 'Context added by UserPromptSubmit hook.'}},
        'Stop': {'continue': True},
    }
    c = Cli(n, args=PERM, handlers={'hook_callback': hook_responder(answers)})
    c.initialize(hooks=HOOKS)
    api.enqueue(tool('Bash', {'command': 'echo hooked', 'description': 'Print hooked'}), text('Done.'))
    c.user('run echo hooked')
    c.result()
    c.idle(0.5)
    c.close()


@scenario
def s_36_hook_pretooluse_deny():
    n = '36_hook_pretooluse_deny'
    fresh(n)
    answers = {'PreToolUse': {'hookSpecificOutput': {'hookEventName': 'PreToolUse', 'permissionDecision': 'deny',
                                                     'permissionDecisionReason': 'Blocked by SDK PreToolUse hook'}}}
    c = Cli(n, args=PERM, handlers={'hook_callback': hook_responder(answers)})
    c.initialize(hooks={'PreToolUse': HOOKS['PreToolUse']})
    api.enqueue(tool('Bash', {'command': 'echo never', 'description': 'Print never'}), text('The hook blocked it.'))
    c.user('run echo never')
    c.result()
    c.close()


@scenario
def s_37_hook_stop_block_and_continue_false():
    n = '37_hook_stop_block_and_continue_false'
    fresh(n)
    state = {'stops': 0}

    def h(r):
        ev = r['request']['input'].get('hook_event_name')
        if ev == 'Stop':
            state['stops'] += 1
            if state['stops'] == 1:
                return {'decision': 'block', 'reason': 'Stop hook: please also say goodbye.'}
            return {'continue': True}
        if ev == 'UserPromptSubmit' and 'halt' in r['request']['input'].get('prompt', ''):
            return {'continue': False, 'stopReason': 'UserPromptSubmit hook halted the turn'}
        return {'continue': True}
    c = Cli(n, handlers={'hook_callback': h})
    c.initialize(hooks={'Stop': HOOKS['Stop'], 'UserPromptSubmit': HOOKS['UserPromptSubmit']})
    api.enqueue(text('Hello.'), text('Goodbye.'))
    c.user('hello')
    c.result()
    c.note('second prompt: UserPromptSubmit hook answers continue:false')
    c.user('please halt now')
    c.result()
    c.idle(0.5)
    c.close()


@scenario
def s_38_include_hook_events():
    n = '38_include_hook_events'
    fresh(n)
    settings = {'hooks': {'PreToolUse': [{'matcher': 'Bash', 'hooks': [
        {'type': 'command', 'command': 'echo settings-command-hook-ran >&2; echo \'{"continue": true}\''}]}]}}
    c = Cli(n, args=PERM + ['--include-hook-events', '--settings', json.dumps(settings)])
    c.initialize(hooks=HOOKS)
    api.enqueue(tool('Bash', {'command': 'echo hi', 'description': 'Print hi'}), text('Done.'))
    c.user('run echo hi')
    c.result()
    c.idle(0.5)
    c.close()


@scenario
def s_39_hook_error_response():
    """SDK answers a hook_callback with a control error."""
    n = '39_hook_error_response'
    fresh(n)
    c = Cli(n, args=PERM, handlers={'hook_callback': lambda r: ('error', 'hook crashed in SDK')})
    c.initialize(hooks={'PreToolUse': HOOKS['PreToolUse'], 'UserPromptSubmit': HOOKS['UserPromptSubmit']})
    api.enqueue(tool('Bash', {'command': 'echo hi', 'description': 'Print hi'}), text('Done.'))
    c.user('run echo hi')
    c.result()
    c.idle(0.5)
    c.close()


# ------------------------------------------------------------------ 5 SDK MCP server bridge
@scenario
def s_40_sdk_mcp_tool_call():
    n = '40_sdk_mcp_tool_call'
    fresh(n)
    c = Cli(n, args=PERM)
    c.initialize(sdkMcpServers=['calc'])
    api.enqueue(tool('mcp__calc__add', {'a': 2, 'b': 3}), text('2 + 3 = 5'))
    c.user('add 2 and 3 with the calc tool')
    c.result()
    c.close()


@scenario
def s_41_sdk_mcp_tool_errors():
    n = '41_sdk_mcp_tool_errors'
    fresh(n)
    c = Cli(n, args=['--allowedTools', 'mcp__calc__add,mcp__calc__nope'])

    class Flaky(type(c.mcp['calc'])):
        def handle(self, msg):
            if msg.get('method') == 'tools/call' and msg['params'].get('arguments', {}).get('a') == 99:
                return {'jsonrpc': '2.0', 'id': msg['id'], 'result': {
                    'content': [{'type': 'text', 'text': 'calc refuses 99'}], 'isError': True}}
            if msg.get('method') == 'tools/call' and msg['params'].get('arguments', {}).get('a') == 98:
                return {'jsonrpc': '2.0', 'id': msg['id'], 'error': {'code': -32000, 'message': 'calc crashed'}}
            return super().handle(msg)
    c.mcp['calc'] = Flaky()
    c.initialize(sdkMcpServers=['calc'])
    api.enqueue(tool('mcp__calc__add', {'a': 99, 'b': 1}), tool('mcp__calc__add', {'a': 98, 'b': 1}),
                text('Both calls failed.'))
    c.user('try the calc tool twice')
    c.result()
    c.close()


@scenario
def s_42_sdk_mcp_server_control_error():
    """SDK answers mcp_message with a control error (server not available in SDK)."""
    n = '42_sdk_mcp_server_control_error'
    fresh(n)
    c = Cli(n, handlers={'mcp_message': lambda r: ('error', 'SDK MCP server %s not found' % r['request']['server_name'])})
    c.initialize(sdkMcpServers=['calc'])
    c.user('hello')
    c.result()
    c.ctl('mcp_status')
    c.close()


# ------------------------------------------------------------------ 6 other control subtypes
@scenario
def s_50_control_subtypes():
    n = '50_control_subtypes'
    fresh(n)
    c = Cli(n)
    from driver import CalcMcp
    c.mcp['calc2'] = CalcMcp()
    c.initialize(sdkMcpServers=['calc'])
    c.user('hello')
    c.result()
    c.note('set_model')
    c.ctl('set_model', model='sonnet')
    c.user('which model now?')
    c.result()
    c.ctl('set_model')
    c.ctl('set_model', model='no-such-model-xyz')
    c.note('set_permission_mode')
    c.ctl('set_permission_mode', mode='acceptEdits')
    c.ctl('set_permission_mode', mode='bogus')
    c.ctl('set_permission_mode', mode='default')
    c.note('set_max_thinking_tokens')
    c.ctl('set_max_thinking_tokens', max_thinking_tokens=1024)
    c.user('think a bit')
    c.result()
    c.ctl('set_max_thinking_tokens', max_thinking_tokens=None)
    c.ctl('set_max_thinking_tokens', max_thinking_tokens=0)
    c.note('mcp_status / mcp_reconnect / mcp_toggle')
    c.ctl('mcp_status')
    c.ctl('mcp_reconnect', serverName='calc')
    c.ctl('mcp_reconnect', serverName='nope')
    c.ctl('mcp_toggle', serverName='calc', enabled=False)
    c.ctl('mcp_status')
    c.ctl('mcp_toggle', serverName='calc', enabled=True)
    c.ctl('mcp_status')
    c.ctl('mcp_toggle', serverName='nope', enabled=False)
    c.note('mcp_set_servers')
    c.ctl('mcp_set_servers', servers={'calc2': {'type': 'sdk', 'name': 'calc2'}})
    c.ctl('mcp_status')
    c.ctl('mcp_set_servers', servers={'calc2': {'type': 'sdk', 'name': 'calc2'},
                                      'broken': {'type': 'stdio', 'command': 'probe-nonexistent-mcp-server'}}, timeout=40)
    c.ctl('mcp_status')
    c.ctl('mcp_set_servers', servers={})
    c.ctl('mcp_status')
    c.note('get_context_usage')
    c.ctl('get_context_usage')
    c.note('stop_task with unknown id')
    c.ctl('stop_task', task_id='no-such-task')
    c.note('unknown subtype')
    c.ctl('frobnicate', foo=1)
    c.note('control_request without request_id / without subtype')
    c.send({'type': 'control_request', 'request': {'subtype': 'mcp_status'}})
    c.send({'type': 'control_request', 'request_id': 'req_nosub', 'request': {}})
    c.idle(0.5)
    c.close()


@scenario
def s_51_interrupt():
    n = '51_interrupt'
    fresh(n)
    c = Cli(n, args=['--include-partial-messages'])
    c.initialize()
    c.note('interrupt while idle (no turn running)')
    c.ctl('interrupt')
    long = ' '.join('word%d' % i for i in range(200))
    api.enqueue(text(long, delay=0.05, text_chunk=12), text('After the interrupt.'))
    c.user('write a long answer')
    c.wait(lambda m: m.get('type') == 'stream_event' and m['event'].get('type') == 'content_block_delta')
    c.wait(lambda m: m.get('type') == 'stream_event' and m['event'].get('type') == 'content_block_delta')
    c.note('interrupt mid-generation')
    c.ctl('interrupt')
    c.result()
    c.idle(0.5)
    c.note('next turn after interrupt')
    c.user('go on')
    c.result()
    c.close()


@scenario
def s_52_interrupt_during_permission_prompt():
    n = '52_interrupt_during_permission_prompt'
    fresh(n)
    c = Cli(n, args=PERM, handlers={'can_use_tool': lambda r: None})  # never answer
    c.initialize()
    api.enqueue(tool('Bash', {'command': 'touch a.txt', 'description': 'Create a.txt'}), text('unused'))
    c.user('create a.txt')
    c.wait(lambda m: m.get('type') == 'control_request' and m['request'].get('subtype') == 'can_use_tool')
    time.sleep(0.3)
    c.note('interrupt while can_use_tool is pending')
    c.ctl('interrupt')
    c.result()
    c.idle(1.0)
    api.reset()
    c.close()


@scenario
def s_53_stop_task():
    n = '53_stop_task'
    fresh(n)
    c = Cli(n, args=['--allowedTools', 'Bash'])
    c.initialize()
    api.enqueue(tool('Bash', {'command': 'sleep 30', 'description': 'Sleep in background', 'run_in_background': True}),
                text('Started a background sleep.'))
    c.user('start a background sleep')
    c.result()
    c.idle(0.5)
    tid = None
    for m in c.out:
        if m.get('type') == 'system' and m.get('subtype') == 'task_started':
            tid = m.get('task_id')
        if m.get('type') == 'user' and isinstance(m.get('tool_use_result'), dict):
            tid = tid or m['tool_use_result'].get('backgroundTaskId')
    c.note('background task id: %r' % tid)
    c.ctl('stop_task', task_id=tid or 'unknown')
    c.idle(1.0)
    c.ctl('stop_task', task_id=tid or 'unknown')
    c.idle(0.5)
    api.reset()
    c.close()


@scenario
def s_54_control_extra_subtypes():
    n = '54_control_extra_subtypes'
    fresh(n)
    c = Cli(n)
    open(c.cwd + '/hello.txt', 'w').write('hello file\n')
    c.initialize()
    c.user('hello')
    c.result()
    for sub, kw in [('get_settings', {}), ('apply_flag_settings', {'settings': {'model': 'haiku'}}),
                    ('get_settings', {}), ('rename_session', {'title': 'Renamed by SDK'}),
                    ('get_session_cost', {}), ('get_usage', {}), ('get_binary_version', {}),
                    ('reload_plugins', {}), ('reload_skills', {}), ('file_suggestions', {'query': 'hel'}),
                    ('read_file', {'path': 'hello.txt'}), ('cancel_async_message', {'message_uuid': str(uuid.uuid4())}),
                    ('seed_read_state', {'path': 'hello.txt', 'mtime': 0}), ('background_tasks', {}),
                    ('set_color', {'color': 'blue'})]:
        c.ctl(sub, timeout=20, **kw)
    c.close()


@scenario
def s_55_control_before_initialize():
    n = '55_control_before_initialize'
    fresh(n)
    c = Cli(n)
    c.note('control requests before initialize')
    c.ctl('mcp_status', timeout=5)
    c.ctl('set_model', model='sonnet', timeout=5)
    c.note('user message without any initialize')
    c.user('hello')
    c.result()
    c.note('initialize after the first turn')
    c.initialize(timeout=5)
    c.close()


@scenario
def s_56_mcp_controls_with_mcp_config():
    """Same MCP control calls, SDK server registered the Python-SDK way (--mcp-config type sdk)."""
    n = '56_mcp_controls_with_mcp_config'
    fresh(n)
    c = Cli(n, args=['--mcp-config', json.dumps({'mcpServers': {'calc': {'type': 'sdk', 'name': 'calc'}}})])
    c.initialize()
    c.user('hello')
    c.result()
    c.ctl('mcp_status')
    c.ctl('mcp_reconnect', serverName='calc')
    c.ctl('mcp_status')
    c.ctl('mcp_toggle', serverName='calc', enabled=False)
    c.ctl('mcp_status')
    c.ctl('mcp_toggle', serverName='calc', enabled=True)
    c.idle(0.5)
    c.ctl('mcp_status')
    c.close()


@scenario
def s_57_max_thinking_tokens_effect():
    """What set_max_thinking_tokens does to the Messages API request (see logs/*.req.jsonl)."""
    n = '57_max_thinking_tokens_effect'
    fresh(n)
    c = Cli(n, args=['--model', 'haiku'])
    c.initialize()
    for v in [None, 2048, 0, None]:
        c.note('set_max_thinking_tokens %r' % v)
        c.ctl('set_max_thinking_tokens', max_thinking_tokens=v)
        c.user('turn with max_thinking_tokens=%r' % v)
        c.result()
    c.ctl('set_model', model='opus')
    c.ctl('set_max_thinking_tokens', max_thinking_tokens=2048)
    c.user('opus turn with max_thinking_tokens=2048')
    c.result()
    c.ctl('set_max_thinking_tokens', max_thinking_tokens=0)
    c.user('opus turn with max_thinking_tokens=0')
    c.result()
    c.close()
    rows = []
    for l in open('%s/logs/%s.req.jsonl' % (PROBE, n)):
        d = json.loads(l)
        if d.get('main'):
            b = d['body']
            last = b['messages'][-1]['content']
            last = last if isinstance(last, str) else [x.get('text') for x in last if x.get('type') == 'text'][-1]
            rows.append({'prompt': last, 'model': b.get('model'), 'thinking': b.get('thinking'),
                         'max_tokens': b.get('max_tokens'), 'output_config': b.get('output_config')})
    json.dump(rows, open('%s/out/%s.api_requests.json' % (PROBE, n), 'w'), indent=1)
    for r in rows:
        print('   ', r)


# ------------------------------------------------------------------ rewind_files
U1 = 'aaaaaaaa-0000-4000-8000-000000000001'
U2 = 'aaaaaaaa-0000-4000-8000-000000000002'


def _rewind(n, env):
    fresh(n)
    c = Cli(n, args=['--allowedTools', 'Write,Edit', '--replay-user-messages'], env=env)
    a, b = c.cwd + '/a.txt', c.cwd + '/b.txt'

    def files():
        return {os.path.basename(p): (open(p).read() if os.path.exists(p) else None) for p in (a, b)}
    c.initialize()
    api.enqueue(tool('Write', {'file_path': a, 'content': 'v1\n'}), text('Created a.txt'))
    c.user('create a.txt', uuid=U1)
    c.result()
    api.enqueue(tool('Edit', {'file_path': a, 'old_string': 'v1', 'new_string': 'v2'}),
                tool('Write', {'file_path': b, 'content': 'new file b\n'}), text('Edited a.txt, created b.txt'))
    c.user('edit a.txt and create b.txt', uuid=U2)
    c.result()
    c.note('files before rewind: %r' % files())
    c.ctl('rewind_files', user_message_id=U2, dry_run=True)
    c.note('files after dry run: %r' % files())
    c.ctl('rewind_files', user_message_id=U2)
    c.note('files after rewind to U2: %r' % files())
    c.ctl('rewind_files', user_message_id=U1)
    c.note('files after rewind to U1: %r' % files())
    c.ctl('rewind_files', user_message_id='aaaaaaaa-0000-4000-8000-0000000000ff')
    c.close()


@scenario
def s_60_rewind_files():
    _rewind('60_rewind_files', {'CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING': 'true'})


@scenario
def s_61_rewind_files_disabled():
    _rewind('61_rewind_files_disabled', None)


# ------------------------------------------------------------------ 8 error cases
@scenario
def s_70_invalid_json_stdin():
    n = '70_invalid_json_stdin'
    fresh(n)
    c = Cli(n)
    c.initialize()
    c.send_raw('this is not json')
    c.idle(0.5, timeout=3)
    c.note('process alive after first bad line: %r' % (c.alive()))
    if c.alive():
        c.send_raw('{"type": "user", "message": {"role": "user", "content": "unterminated')
        c.idle(0.5, timeout=3)
    c.note('process alive after second bad line: %r' % (c.alive()))
    c.close()


@scenario
def s_71_invalid_messages_stdin():
    """Well-formed JSON, but not a valid SDK message: one fresh process per case (same transcript)."""
    n = '71_invalid_messages_stdin'
    fresh(n)
    cases = [{'type': 'bogus_type', 'x': 1}, {'type': 'user'}, {'type': 'user', 'message': {'role': 'user'}},
             {'type': 'user', 'message': {'role': 'assistant', 'content': 'hi'}},
             {'type': 'control_response', 'response': {'subtype': 'success', 'request_id': 'nobody-asked'}},
             {'type': 'keep_alive'}, {'no_type': True}, [1, 2, 3], 'just a string', 42, None]
    for i, bad in enumerate(cases):
        c = Cli(n, append=i > 0)
        c.note('case %d: %s' % (i, json.dumps(bad)))
        c.initialize()
        c.send(bad)
        c.idle(0.4, timeout=3)
        c.note('alive after bad message: %r' % c.alive())
        if c.alive():
            c.user('hello after garbage')
            c.result(timeout=10)
        c.close()


def _api_error(n, replies, env=None, args=(), turns=1):
    fresh(n)
    c = Cli(n, env=env, args=list(args))
    c.initialize()
    api.enqueue(*replies)
    for i in range(turns):
        c.user('hello %d' % i)
        c.result(timeout=120)
    c.idle(0.5)
    api.reset()
    c.close()


@scenario
def s_72_api_500_retry_then_success():
    _api_error('72_api_500_retry_then_success',
               [{'status': 500, 'error_type': 'api_error', 'error_message': 'Internal server error'}] * 2 + [text('Recovered.')])


@scenario
def s_73_api_500_exhausted():
    _api_error('73_api_500_exhausted',
               [{'status': 500, 'error_type': 'api_error', 'error_message': 'Internal server error'}] * 3,
               env={'CLAUDE_CODE_MAX_RETRIES': '2'})


@scenario
def s_74_api_529_overloaded():
    _api_error('74_api_529_overloaded',
               [{'status': 529, 'error_type': 'overloaded_error', 'error_message': 'Overloaded'}] * 3,
               env={'CLAUDE_CODE_MAX_RETRIES': '2'})


@scenario
def s_75_api_401_unauthorized():
    _api_error('75_api_401_unauthorized',
               [{'status': 401, 'error_type': 'authentication_error', 'error_message': 'invalid x-api-key'}] * 3,
               env={'CLAUDE_CODE_MAX_RETRIES': '2'})


@scenario
def s_76_api_400_invalid_request():
    _api_error('76_api_400_invalid_request',
               [{'status': 400, 'error_type': 'invalid_request_error', 'error_message': 'messages: bad things'}] * 3)


@scenario
def s_77_api_429_rate_limit():
    _api_error('77_api_429_rate_limit',
               [{'status': 429, 'error_type': 'rate_limit_error', 'error_message': 'Number of requests exceeded',
                 'headers': {'retry-after': '1'}}] * 3,
               env={'CLAUDE_CODE_MAX_RETRIES': '2'})


@scenario
def s_78_api_error_mid_stream():
    """SSE error event in the middle of a stream (overloaded after message_start)."""
    n = '78_api_error_mid_stream'
    fresh(n)
    c = Cli(n, env={'CLAUDE_CODE_MAX_RETRIES': '1'})
    c.initialize()
    api.enqueue({'blocks': [{'type': 'text', 'text': 'partial'}], 'sse_error_after': 3,
                 'error_type': 'overloaded_error', 'error_message': 'Overloaded'},
                {'blocks': [{'type': 'text', 'text': 'partial'}], 'sse_error_after': 3,
                 'error_type': 'overloaded_error', 'error_message': 'Overloaded'},
                {'blocks': [{'type': 'text', 'text': 'partial'}], 'sse_error_after': 3,
                 'error_type': 'overloaded_error', 'error_message': 'Overloaded'})
    c.user('hello')
    c.result(timeout=60)
    c.idle(0.5)
    api.reset()
    c.close()


@scenario
def s_79_api_error_mid_stream_no_fallback():
    n = '79_api_error_mid_stream_no_fallback'
    fresh(n)
    c = Cli(n, env={'CLAUDE_CODE_MAX_RETRIES': '1', 'CLAUDE_CODE_DISABLE_NONSTREAMING_FALLBACK': '1'})
    c.initialize()
    err = {'blocks': [{'type': 'text', 'text': 'partial'}], 'sse_error_after': 3,
           'error_type': 'overloaded_error', 'error_message': 'Overloaded'}
    api.enqueue(err, err, err)
    c.user('hello')
    c.result(timeout=60)
    c.idle(0.5)
    api.reset()
    c.close()


def _killed(n, how):
    fresh(n)
    c = Cli(n, args=['--include-partial-messages'])
    c.initialize()
    long = ' '.join('word%d' % i for i in range(300))
    api.enqueue(text(long, delay=0.05, text_chunk=12))
    c.user('write a long answer')
    for _ in range(3):
        c.wait(lambda m: m.get('type') == 'stream_event' and m['event'].get('type') == 'content_block_delta')
    if how == 'eof':
        c.note('closing stdin mid-turn')
        c.close(timeout=60)
    else:
        c.note('sending signal %d mid-turn' % how)
        c.kill(how)
    api.reset()
    sess = [f for f in os.listdir(c.cfg + '/projects/' + os.listdir(c.cfg + '/projects')[0]) if f.endswith('.jsonl')]
    for f in sess:
        p = c.cfg + '/projects/' + os.listdir(c.cfg + '/projects')[0] + '/' + f
        recs = [json.loads(l) for l in open(p)]
        print('   session file %s: %d records, types %s' % (f, len(recs), [r.get('type') for r in recs]))


@scenario
def s_80_sigkill_mid_turn():
    _killed('80_sigkill_mid_turn', 9)


@scenario
def s_81_sigterm_mid_turn():
    _killed('81_sigterm_mid_turn', 15)


@scenario
def s_82_sigint_mid_turn():
    _killed('82_sigint_mid_turn', 2)


@scenario
def s_83_stdin_eof_mid_turn():
    _killed('83_stdin_eof_mid_turn', 'eof')


@scenario
def s_84_huge_assistant_line():
    n = '84_huge_assistant_line'
    fresh(n)
    c = Cli(n)
    c.initialize()
    big = ('0123456789abcdef' * 64 + '\n') * 5000  # ~5.1 MB
    api.enqueue(text(big))
    c.user('say something huge')
    c.result(timeout=60)
    c.close()


@scenario
def s_85_huge_tool_results():
    n = '85_huge_tool_results'
    fresh(n)
    c = Cli(n, args=['--allowedTools', 'mcp__calc__add,Bash,Read'], env={'MAX_MCP_OUTPUT_TOKENS': '5000000'})
    big = 'x' * (5 * 1024 * 1024)

    class Big(type(c.mcp['calc'])):
        def handle(self, msg):
            if msg.get('method') == 'tools/call':
                return {'jsonrpc': '2.0', 'id': msg['id'], 'result': {'content': [{'type': 'text', 'text': big}]}}
            return super().handle(msg)
    c.mcp['calc'] = Big()
    with open(c.cwd + '/big.txt', 'w') as f:
        f.write(('y' * 99 + '\n') * 52429)
    c.initialize(sdkMcpServers=['calc'])
    api.enqueue(tool('mcp__calc__add', {'a': 1, 'b': 2}),
                tool('Bash', {'command': 'head -c 5242880 /dev/zero | tr "\\0" z', 'description': 'Print 5 MB'}),
                tool('Read', {'file_path': c.cwd + '/big.txt'}),
                text('Done with big outputs.'))
    c.user('produce big tool outputs')
    c.result(timeout=120)
    c.close()


# ------------------------------------------------------------------ 7 on-disk session files
@scenario
def s_90_path_encoding():
    n = '90_path_encoding'
    fresh(n)
    base = '%s/ws/%s' % (PROBE, n)
    cwds = [base + '/simple', base + '/with space.dots_under-score', base + '/\u00fcn\u00efc\u00f6d\u00e9-\u65e5\u672c',
            base + '/' + '/'.join(['long-segment-%02d-xxxxxxxxxxxxxxxxxxxx' % i for i in range(7)])]
    mapping = []
    for i, cwd in enumerate(cwds):
        os.makedirs(cwd, exist_ok=True)
        before = set(os.listdir('%s/cfg/%s/projects' % (PROBE, n))) if os.path.isdir('%s/cfg/%s/projects' % (PROBE, n)) else set()
        c = Cli(n, cwd=cwd, cfg='%s/cfg/%s' % (PROBE, n), append=i > 0)
        c.initialize()
        c.user('hello')
        r = c.result()
        c.close()
        after = set(os.listdir('%s/cfg/%s/projects' % (PROBE, n)))
        new = sorted(after - before)
        mapping.append({'cwd': cwd, 'cwd_len': len(cwd), 'project_dir': new[0] if new else None,
                        'project_dir_len': len(new[0]) if new else None, 'session_id': r and r['session_id']})
    json.dump(mapping, open('%s/out/%s.mapping.json' % (PROBE, n), 'w'), indent=1, ensure_ascii=False)
    for m in mapping:
        print('   ', m)


# ------------------------------------------------------------------ 9 timing
def _stats(xs):
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return None
    return {'median': xs[len(xs) // 2] if len(xs) % 2 else round((xs[len(xs) // 2 - 1] + xs[len(xs) // 2]) / 2, 1),
            'min': xs[0], 'max': xs[-1], 'n': len(xs), 'values': xs}


@scenario
def s_95_cold_start_timing():
    """5 cold starts; initialize + user message written immediately after spawn."""
    n = '95_cold_start_timing'
    fresh(n)
    runs = []
    for i in range(5):
        cfg = '%s/cfg/%s/run%d' % (PROBE, n, i)
        c = Cli(n, cfg=cfg, append=i > 0)
        c.note('run %d' % i)
        c.ctl('initialize', wait=False)
        c.user('hello')
        c.wait(lambda m: m.get('type') == 'control_response', 30, from_start=True)
        c.result(60)
        c.close()
        # timings from the driver's own clock (ms since spawn), read back from the transcript
        recs = [json.loads(l) for l in open(c.path)]
        spawn_idx = max(i2 for i2, r in enumerate(recs) if r['dir'] == 'meta' and r['msg'].get('event') == 'spawn')
        recs = recs[spawn_idx:]

        def first_t(pred):
            for r in recs:
                if r['dir'] == 'out' and isinstance(r.get('msg'), dict) and pred(r['msg']):
                    return r['t_ms']
        run = {'run': i,
               'initialize_response_ms': first_t(lambda m: m.get('type') == 'control_response'),
               'system_init_ms': first_t(lambda m: m.get('type') == 'system' and m.get('subtype') == 'init'),
               'first_assistant_ms': first_t(lambda m: m.get('type') == 'assistant'),
               'result_ms': first_t(lambda m: m.get('type') == 'result'),
               'exit_after_stdin_close_ms': round(recs[-1]['t_ms'] - [r for r in recs if r['dir'] == 'meta' and r['msg'].get('event') == 'stdin_closed'][0]['t_ms'], 1),
               'peak_rss_kb': c.rusage.ru_maxrss if c.rusage else None,
               'exit_code': c.exit_code}
        runs.append(run)
        print('   ', run)
    # one-shot print mode (prompt as argument, no stdin protocol) for comparison
    oneshot = []
    for i in range(5):
        cfg = '%s/cfg/%s/oneshot%d' % (PROBE, n, i)
        os.makedirs(cfg, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(('CLAUDE', 'ANTHROPIC'))}
        env.update({'ANTHROPIC_BASE_URL': 'http://127.0.0.1:%d' % PORT, 'ANTHROPIC_API_KEY': 'sk-test',
                    'CLAUDE_CONFIG_DIR': cfg, 'CLAUDE_CODE_TMPDIR': PROBE + '/tmp'})
        t0 = time.monotonic()
        p = subprocess.Popen([CLAUDE, '-p', 'hello', '--output-format', 'stream-json', '--verbose'], cwd='%s/ws/%s' % (PROBE, n),
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        tinit = tfirst = None
        for line in p.stdout:
            m = json.loads(line)
            now = round((time.monotonic() - t0) * 1000, 1)
            if m.get('subtype') == 'init' and tinit is None:
                tinit = now
            if m.get('type') == 'assistant' and tfirst is None:
                tfirst = now
        _, st, ru = os.wait4(p.pid, 0)
        oneshot.append({'system_init_ms': tinit, 'first_assistant_ms': tfirst,
                        'exit_ms': round((time.monotonic() - t0) * 1000, 1), 'peak_rss_kb': ru.ru_maxrss})
    vers = []
    for i in range(5):
        t0 = time.monotonic()
        subprocess.run([CLAUDE, '--version'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        vers.append(round((time.monotonic() - t0) * 1000, 1))
    summary = {k: _stats([r[k] for r in runs]) for k in runs[0] if k not in ('run', 'exit_code')}
    summary_oneshot = {k: _stats([r[k] for r in oneshot]) for k in oneshot[0]}
    import platform
    cli_version = subprocess.run([CLAUDE, '--version'], capture_output=True, text=True).stdout.split(' ')[0].strip()
    info = {'cpu_count': os.cpu_count(), 'platform': platform.platform(), 'cli_version': cli_version,
            'note': 'fake Messages API on 127.0.0.1 answers in ~1 ms; times are CLI overhead only; page cache warm'}
    json.dump({'machine': info, 'sdk_mode_runs': runs, 'sdk_mode_summary': summary, 'oneshot_print_runs': oneshot,
               'oneshot_print_summary': summary_oneshot, 'version_cmd_ms': _stats(vers)},
              open('%s/out/%s.summary.json' % (PROBE, n), 'w'), indent=1)
    print(json.dumps(summary, indent=1))
    print(json.dumps(summary_oneshot, indent=1))
    print('version', _stats(vers))


def main():
    names = sys.argv[2:]
    if names == ['all']:
        names = list(SCEN)
    for nm in names:
        t = time.time()
        try:
            SCEN[nm]()
            print('%-40s ok  %.1fs' % (nm, time.time() - t), flush=True)
        except Exception as ex:
            import traceback
            traceback.print_exc()
            print('%-40s FAIL %r' % (nm, ex), flush=True)


if __name__ == '__main__':
    main()
