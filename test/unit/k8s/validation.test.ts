/**
 * The port of apimachinery's util/validation, checked with the Go tests' own tables
 * (pkg/util/validation/validation_test.go, ip_test.go, pkg/api/validate/content/*_test.go) plus the exact
 * messages, which diagnostics repeat word for word.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isConfigMapKey,
  isDNS1035Label,
  isRelaxedEnvVarName,
  isDNS1123Label,
  isDNS1123Subdomain,
  isIPv4String,
  isIPv6String,
  isQualifiedName,
  isValidCIDR,
  isValidCIDRForLegacyField,
  isValidIP,
  isValidIPForLegacyField,
  isValidLabelValue,
  isValidPathSegmentName,
  isValidPathSegmentPrefix,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  maskTrailingDash,
  nameIsDNSSubdomain,
  validatePathSegmentName,
} from '../../../server/src/engine/k8s/validation';

const rep = (s: string, n: number) => s.repeat(n);

function table(fn: (v: string) => string[], good: string[], bad: string[]) {
  for (const v of good) assert.deepEqual(fn(v), [], `expected ${JSON.stringify(v)} to be valid`);
  for (const v of bad) assert.notDeepEqual(fn(v), [], `expected ${JSON.stringify(v)} to be invalid`);
}

const LABEL_REGEX_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_REGEX_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_REGEX_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const LABEL_KEY_NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('DNS names', () => {
  it('IsDNS1123Label (TestIsDNS1123Label)', () => {
    table(
      isDNS1123Label,
      ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', rep('a', 63)],
      [
        '',
        'A',
        'ABC',
        'aBc',
        'A1',
        'A-1',
        '1-A',
        '-',
        'a-',
        '-a',
        '1-',
        '-1',
        '_',
        'a_',
        '_a',
        'a_b',
        '1_',
        '_1',
        '1_2',
        '.',
        'a.',
        '.a',
        'a.b',
        '1.',
        '.1',
        '1.2',
        ' ',
        'a ',
        ' a',
        'a b',
        '1 ',
        ' 1',
        '1 2',
        rep('a', 64),
      ],
    );
  });
  it('IsDNS1123Label messages', () => {
    assert.deepEqual(isDNS1123Label('Web'), [LABEL_REGEX_MSG]);
    assert.deepEqual(isDNS1123Label('a.b'), ['must not contain dots']);
    assert.deepEqual(isDNS1123Label(rep('a', 64)), ['must be no more than 63 characters']);
    assert.deepEqual(isDNS1123Label(`${rep('a', 60)}.bcd`), [
      'must be no more than 63 characters',
      'must not contain dots',
    ]);
    // Go's len counts bytes: 40 × é is 80 bytes, too long, and é is not allowed either.
    assert.deepEqual(isDNS1123Label(rep('é', 40)), ['must be no more than 63 characters', LABEL_REGEX_MSG]);
    assert.deepEqual(isDNS1123Label(rep('é', 31)), [LABEL_REGEX_MSG]);
  });
  it('IsDNS1123Subdomain (TestIsDNS1123Subdomain)', () => {
    table(
      isDNS1123Subdomain,
      [
        'a',
        'ab',
        'abc',
        'a1',
        'a-1',
        'a--1--2--b',
        '0',
        '01',
        '012',
        '1a',
        '1-a',
        '1--a--b--2',
        'a.a',
        'ab.a',
        'abc.a',
        'a1.a',
        'a-1.a',
        'a--1--2--b.a',
        'a.1',
        'ab.1',
        'abc.1',
        'a1.1',
        'a-1.1',
        'a--1--2--b.1',
        '0.a',
        '01.a',
        '012.a',
        '1a.a',
        '1-a.a',
        '1--a--b--2',
        '0.1',
        '01.1',
        '012.1',
        '1a.1',
        '1-a.1',
        '1--a--b--2.1',
        'a.b.c.d.e',
        'aa.bb.cc.dd.ee',
        '1.2.3.4.5',
        '11.22.33.44.55',
        rep('a', 253),
      ],
      [
        '',
        'A',
        'ABC',
        'aBc',
        'A1',
        'A-1',
        '1-A',
        '-',
        'a-',
        '-a',
        '1-',
        '-1',
        '_',
        'a_',
        '_a',
        'a_b',
        '1_',
        '_1',
        '1_2',
        '.',
        'a.',
        '.a',
        'a..b',
        '1.',
        '.1',
        '1..2',
        ' ',
        'a ',
        ' a',
        'a b',
        '1 ',
        ' 1',
        '1 2',
        'A.a',
        'aB.a',
        'ab.A',
        'A1.a',
        'a1.A',
        'A.1',
        'aB.1',
        'A1.1',
        '1A.1',
        '0.A',
        '01.A',
        '012.A',
        '1A.a',
        '1a.A',
        'A.B.C.D.E',
        'AA.BB.CC.DD.EE',
        'a.B.c.d.e',
        'aa.bB.cc.dd.ee',
        'a@b',
        'a,b',
        'a_b',
        'a;b',
        'a:b',
        'a%b',
        'a?b',
        'a$b',
        rep('a', 254),
      ],
    );
    assert.deepEqual(isDNS1123Subdomain('app..config'), [SUBDOMAIN_REGEX_MSG]);
    assert.deepEqual(isDNS1123Subdomain(rep('a', 254)), ['must be no more than 253 characters']);
  });
  it('IsDNS1035Label (TestIsDNS1035Label)', () => {
    table(
      isDNS1035Label,
      ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', rep('a', 63)],
      [
        '0',
        '01',
        '012',
        '1a',
        '1-a',
        '1--a--b--2',
        '',
        'A',
        'ABC',
        'aBc',
        'A1',
        'A-1',
        '1-A',
        '-',
        'a-',
        '-a',
        '1-',
        '-1',
        '_',
        'a_',
        '_a',
        'a_b',
        '1_',
        '_1',
        '1_2',
        '.',
        'a.',
        '.a',
        'a.b',
        '1.',
        '.1',
        '1.2',
        ' ',
        'a ',
        ' a',
        'a b',
        '1 ',
        ' 1',
        '1 2',
        rep('a', 64),
      ],
    );
    assert.deepEqual(isDNS1035Label('1web'), [DNS1035_REGEX_MSG]);
  });
  it('IsWildcardDNS1123Subdomain (TestIsWildcardDNS1123Subdomain)', () => {
    table(
      isWildcardDNS1123Subdomain,
      ['*.example.com', '*.bar.com', '*.foo.bar.com'],
      ['*.*.bar.com', '*.foo.*.com', '*bar.com', 'f*.bar.com', '*'],
    );
  });
});

describe('labels', () => {
  it('IsQualifiedName (TestIsQualifiedName)', () => {
    table(
      isQualifiedName,
      [
        'simple',
        'now-with-dashes',
        '1-starts-with-num',
        '1234',
        'simple/simple',
        'now-with-dashes/simple',
        'now-with-dashes/now-with-dashes',
        'now.with.dots/simple',
        'now-with.dashes-and.dots/simple',
        '1-num.2-num/3-num',
        '1234/5678',
        '1.2.3.4/5678',
        'Uppercase_Is_OK_123',
        'example.com/Uppercase_Is_OK_123',
        'requests.storage-foo',
        rep('a', 63),
        `${rep('a', 253)}/${rep('b', 63)}`,
      ],
      [
        'nospecialchars%^=@',
        'cantendwithadash-',
        '-cantstartwithadash-',
        'only/one/slash',
        'Example.com/abc',
        'example_com/abc',
        'example.com/',
        '/simple',
        rep('a', 64),
        `${rep('a', 254)}/abc`,
      ],
    );
  });
  it('IsQualifiedName messages', () => {
    assert.deepEqual(isQualifiedName('app-'), [LABEL_KEY_NAME_MSG]);
    assert.deepEqual(isQualifiedName('/simple'), ['prefix part must be non-empty']);
    assert.deepEqual(isQualifiedName('example.com/'), ['name part must be non-empty', LABEL_KEY_NAME_MSG]);
    assert.deepEqual(isQualifiedName(rep('a', 64)), ['name part must be no more than 63 bytes']);
    assert.deepEqual(isQualifiedName('Example.com/abc'), [`prefix part ${SUBDOMAIN_REGEX_MSG}`]);
    assert.deepEqual(isQualifiedName(`${rep('a', 254)}/abc`), ['prefix part must be no more than 253 bytes']);
    assert.deepEqual(isQualifiedName('only/one/slash'), [
      "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
  it('IsValidLabelValue (TestIsValidLabelValue)', () => {
    table(
      isValidLabelValue,
      ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', rep('a', 63), ''],
      [
        'nospecialchars%^=@',
        'Tama-nui-te-rā.is.Māori.sun',
        '\\backslashes\\are\\bad',
        '-starts-with-dash',
        'ends-with-dash-',
        '.starts.with.dot',
        'ends.with.dot.',
        rep('a', 64),
      ],
    );
    assert.deepEqual(isValidLabelValue('a b'), [LABEL_VALUE_MSG]);
    assert.deepEqual(isValidLabelValue(rep('é', 40)), ['must be no more than 63 bytes', LABEL_VALUE_MSG]);
  });
});

describe('ports', () => {
  it('IsValidPortNum (TestIsValidPortNum)', () => {
    for (const p of [1, 2, 1000, 16384, 32768, 65535]) assert.deepEqual(isValidPortNum(p), []);
    for (const p of [0, -1, 65536, 100000])
      assert.deepEqual(isValidPortNum(p), ['must be between 1 and 65535, inclusive']);
  });
  it('IsValidPortName (TestIsValidPortName)', () => {
    table(
      isValidPortName,
      ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'],
      ['longerthan15characters', '', rep('a', 16), '12345', '1-2-3-4', '-begin', 'end-', 'two--hyphens', 'whois++'],
    );
    assert.deepEqual(isValidPortName('HTTP'), [
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
    ]);
    assert.deepEqual(isValidPortName('-two--'), [
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ]);
    assert.deepEqual(isValidPortName(''), [
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
    ]);
    assert.deepEqual(isValidPortName('longerthan15characters'), ['must be no more than 15 characters']);
  });
});

describe('keys and environment variable names', () => {
  it('IsConfigMapKey (TestIsConfigMapKey)', () => {
    table(
      isConfigMapKey,
      ['a', 'good', 'good-good', 'still.good', 'this.is.also.good', '.so.is.this', 'THIS_IS_GOOD', 'so_is_this_17'],
      ['.', '..', '..bad', 'b*d', 'bad!&bad'],
    );
    assert.deepEqual(isConfigMapKey('..'), ["must not be '..'"]);
    assert.deepEqual(isConfigMapKey('a b'), [
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', or 'KEY_NAME', or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });
  it('IsRelaxedEnvVarName (TestIsRelaxedEnvVarName)', () => {
    table(
      isRelaxedEnvVarName,
      [
        '-',
        ':',
        '_',
        '+a',
        '>a',
        '<a',
        'a.',
        'a..',
        '*a',
        '%a',
        '?a',
        'a:a',
        'a_a',
        'aAz',
        '~a',
        '|a',
        'a0a',
        'a9',
        '/a',
        'a ',
        '#a',
        '0a',
        '0 a',
        "'a",
        '(a',
        '@a',
      ],
      [
        '',
        '=',
        'a=',
        '1=a',
        'a=b',
        '#%=&&',
        `${String.fromCodePoint(1)}abc`,
        `${String.fromCodePoint(130)}abc`,
        'Ç ç',
        'Ä ä',
        'Ñ ñ',
        'Ø ø',
      ],
    );
    assert.deepEqual(isRelaxedEnvVarName(''), ['environment variable name must be non-empty']);
  });
});

describe('path segment names', () => {
  // TestIsPathSegmentName / TestIsPathSegmentPrefix: name, expected message part for name / prefix.
  const cases: [string, string, string][] = [
    ['', '', ''],
    ['foo', '', ''],
    ['foo.bar.baz', '', ''],
    ['sha256:ABCDEF012345@ABCDEF012345', '', ''],
    ['Iñtërnâtiônàlizætiøn', '', ''],
    ['.', '.', ''],
    ['.test', '', ''],
    ['..', '..', ''],
    ['..test', '', ''],
    ['foo/bar', '/', '/'],
    ['foo%bar', '%', '%'],
  ];
  for (const [name, asName, asPrefix] of cases) {
    it(JSON.stringify(name), () => {
      const n = isValidPathSegmentName(name);
      const p = isValidPathSegmentPrefix(name);
      if (asName) assert.ok(n[0]?.includes(asName), `${n}`);
      else assert.deepEqual(n, []);
      if (asPrefix) assert.ok(p[0]?.includes(asPrefix), `${p}`);
      else assert.deepEqual(p, []);
      assert.deepEqual(validatePathSegmentName(name, false), n);
      assert.deepEqual(validatePathSegmentName(name, true), p);
    });
  }
  it('messages', () => {
    assert.deepEqual(isValidPathSegmentName('..'), ["may not be '..'"]);
    assert.deepEqual(isValidPathSegmentName('a/b%c'), ["may not contain '/'", "may not contain '%'"]);
  });
});

describe('generateName', () => {
  it('maskTrailingDash replaces the last two bytes, as Go does', () => {
    assert.equal(maskTrailingDash('web-'), 'wea');
    assert.equal(maskTrailingDash('-'), '-');
    assert.equal(maskTrailingDash('a-'), 'a');
    assert.equal(maskTrailingDash('web'), 'web');
    assert.deepEqual(nameIsDNSSubdomain('migrate-', true), []);
    assert.notDeepEqual(nameIsDNSSubdomain('migrate-', false), []);
  });
});

describe('IP addresses (TestIsValidIP)', () => {
  // [input, IsValidIP, legacy, legacy strict]: an expected substring of the one message, '' for valid.
  const BAD = 'must be a valid IP address';
  const cases: [string, string, string, string][] = [
    ['1.2.3.4', '', '', ''],
    ['0.0.0.0', '', '', ''],
    ['255.255.255.255', '', '', ''],
    ['1234::abcd', '', '', ''],
    ['::', '', '', ''],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '', '', ''],
    ['0:0:0:0:0:0:0:0', 'must be in canonical form ("::")', '', ''],
    ['0001:002:03:4::', 'must be in canonical form ("1:2:3:4::")', '', ''],
    ['1234::ABCD', 'must be in canonical form ("1234::abcd")', '', ''],
    ['1.1.1.01', 'must not have leading 0s', '', 'must not have leading 0s'],
    ['::ffff:1.1.1.1', 'must not be an IPv4-mapped IPv6 address', '', 'must not be an IPv4-mapped IPv6 address'],
    ['', BAD, BAD, BAD],
    ['aaaaaaa', BAD, BAD, BAD],
    ['myhost.mydomain', BAD, BAD, BAD],
    ['1.2.3.0/24', BAD, BAD, BAD],
    ['1.2.3.400', BAD, BAD, BAD],
    ['-1.0.0.0', BAD, BAD, BAD],
    ['2001:db8::10005', BAD, BAD, BAD],
    ['1.2.3.4:80', BAD, BAD, BAD],
    ['[2001:db8::1]', BAD, BAD, BAD],
    ['[2001:db8::1]:80', BAD, BAD, BAD],
    ['example.com:80', BAD, BAD, BAD],
    ['1234::abcd%eth0', BAD, BAD, BAD],
    ['169.254.0.0%eth0', BAD, BAD, BAD],
  ];
  for (const [input, strict, legacy, legacyStrict] of cases) {
    it(JSON.stringify(input), () => {
      for (const [errs, want] of [
        [isValidIP(input), strict],
        [isValidIPForLegacyField(input, false), legacy],
        [isValidIPForLegacyField(input, true), legacyStrict],
      ] as const) {
        if (!want) assert.deepEqual(errs, []);
        else {
          assert.equal(errs.length, 1, `${errs}`);
          assert.ok(errs[0].includes(want), errs[0]);
        }
      }
    });
  }
  it('the exact message', () => {
    assert.deepEqual(isValidIPForLegacyField('10.0.0.300'), [
      'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
  });
  it('families (netutils.IsIPv4String / IsIPv6String)', () => {
    assert.equal(isIPv4String('10.0.0.1'), true);
    assert.equal(isIPv4String('::ffff:10.0.0.1'), true);
    assert.equal(isIPv6String('fd00::1'), true);
    assert.equal(isIPv6String('10.0.0.1'), false);
    assert.equal(isIPv4String('nope'), false);
    assert.equal(isIPv6String('nope'), false);
  });
});

describe('CIDRs (TestIsValidCIDR)', () => {
  const BAD = 'must be a valid CIDR value';
  const cases: [string, string, string, string][] = [
    ['1.0.0.0/8', '', '', ''],
    ['0.0.0.0/0', '', '', ''],
    ['1.1.1.1/32', '', '', ''],
    ['2001:4860:4860::/48', '', '', ''],
    ['::/0', '', '', ''],
    ['::1/128', '', '', ''],
    ['2a00:79e0:2:0::/64', 'must be in canonical form ("2a00:79e0:2::/64")', '', ''],
    ['2001:DB8::/64', 'must be in canonical form ("2001:db8::/64")', '', ''],
    ['1.1.01.0/24', 'must not have leading 0s in IP', '', 'must not have leading 0s in IP'],
    ['::ffff:1.1.1.0/24', 'must not have an IPv4-mapped IPv6 address', '', 'must not have an IPv4-mapped IPv6 address'],
    [
      '::ffff:1.1.1.0/120',
      'must not have an IPv4-mapped IPv6 address',
      '',
      'must not have an IPv4-mapped IPv6 address',
    ],
    [
      '1.2.3.4/24',
      'must not have bits set beyond the prefix length',
      '',
      'must not have bits set beyond the prefix length',
    ],
    [
      '2001:db8::1/64',
      'must not have bits set beyond the prefix length',
      '',
      'must not have bits set beyond the prefix length',
    ],
    ['192.168.0.0/016', 'must not have leading 0s', '', 'must not have leading 0s'],
    ['', BAD, BAD, BAD],
    ['aaaaaaa', BAD, BAD, BAD],
    ['1.2.3.4', BAD, BAD, BAD],
    ['192.168.0.1/healthz', BAD, BAD, BAD],
    ['192.168.0.1/0/99', BAD, BAD, BAD],
    ['192.168.0.0/-16', BAD, BAD, BAD],
    ['192.168.0.0/+16', BAD, BAD, BAD],
  ];
  for (const [input, strict, legacy, legacyStrict] of cases) {
    it(JSON.stringify(input), () => {
      for (const [errs, want] of [
        [isValidCIDR(input), strict],
        [isValidCIDRForLegacyField(input, false), legacy],
        [isValidCIDRForLegacyField(input, true), legacyStrict],
      ] as const) {
        if (!want) assert.deepEqual(errs, []);
        else {
          assert.equal(errs.length, 1, `${errs}`);
          assert.ok(errs[0].includes(want), errs[0]);
        }
      }
    });
  }
  it('prefix lengths beyond the family', () => {
    assert.deepEqual(isValidCIDRForLegacyField('10.0.0.0/33'), [
      'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
    assert.deepEqual(isValidCIDRForLegacyField('fd00::/129'), [
      'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
    assert.deepEqual(isValidCIDRForLegacyField('fd00::/128'), []);
  });
});

describe('long input', () => {
  it('is checked in linear time, as Go (RE2) does', () => {
    const long = `${'a'.repeat(200_000)}_`;
    const t0 = Date.now();
    for (const fn of [
      isDNS1123Label,
      isDNS1123Subdomain,
      isDNS1035Label,
      isQualifiedName,
      isValidLabelValue,
      isWildcardDNS1123Subdomain,
    ])
      assert.notDeepEqual(fn(long), []);
    assert.ok(Date.now() - t0 < 500, `took ${Date.now() - t0} ms`);
  });
});
