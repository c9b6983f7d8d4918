/** The CEL environment of CRD validation rules: cel-go's strings extension and the Kubernetes library. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRule, escapeProperty, evaluate } from '../../../server/src/engine/crd/cel';
import { parseIP } from '../../../server/src/engine/crd/celLibrary';

function holds(rule: string, self: unknown = null): string {
  const c = compileRule(rule);
  if (!c) return 'not compiled';
  return evaluate(c.program, { self: self as never });
}

describe('CRD CEL rules', () => {
  it('strings, regex and lists', () => {
    for (const rule of [
      "'a/b/c'.split('/').size() == 3",
      "'  x '.trim() == 'x'",
      "'abc'.substring(1) == 'bc'",
      "['a', 'b'].join('-') == 'a-b'",
      "'Hello'.lowerAscii() == 'hello'",
      "'abc123def'.find('[0-9]+') == '123'",
      "'a1b22c333'.findAll('[0-9]+') == ['1', '22', '333']",
      "'a1b22c333'.findAll('[0-9]+', 2) == ['1', '22']",
      "'AB'.matches('^(?i)ab$')",
      '[1, 2, 3].isSorted() && ![3, 1].isSorted()',
      '[1, 2, 3].sum() == 6 && [1, 5, 3].max() == 5 && [4, 2].min() == 2',
      "['a', 'b', 'a'].indexOf('a') == 0 && ['a', 'b', 'a'].lastIndexOf('a') == 2",
      'sets.contains([1, 2, 3], [2, 3]) && !sets.contains([1], [2])',
      'sets.equivalent([1, 2], [2, 1]) && sets.intersects([1, 2], [2, 9])',
      "duration('1m') > duration('30s')",
    ])
      assert.equal(holds(rule), 'pass', rule);
  });

  it('ip, cidr, url and quantity', () => {
    for (const rule of [
      "isIP('10.0.0.1') && isIP('fd00::1') && !isIP('10.0.0.01') && !isIP('::ffff:10.0.0.1') && !isIP('host')",
      "ip('10.0.0.1').family() == 4 && ip('::1').family() == 6 && ip('127.0.0.1').isLoopback() && ip('0.0.0.0').isUnspecified()",
      "ip('8.8.8.8').isGlobalUnicast() && !ip('169.254.1.1').isGlobalUnicast() && ip('169.254.1.1').isLinkLocalUnicast()",
      "ip.isCanonical('2001:db8::1') && !ip.isCanonical('2001:DB8::1')",
      "isCIDR('10.0.0.0/8') && !isCIDR('10.0.0.0/33') && !isCIDR('10.0.0.0')",
      "cidr('10.0.0.0/8').containsIP('10.1.2.3') && !cidr('10.0.0.0/8').containsIP('11.0.0.1')",
      "cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16') && !cidr('10.1.0.0/16').containsCIDR('10.0.0.0/8')",
      "cidr('10.1.2.3/8').masked() == cidr('10.0.0.0/8') && cidr('fd00::/64').prefixLength() == 64",
      "isURL('https://example.com:8443/a?b=c') && !isURL('not a url')",
      "url('https://example.com:8443/a?b=c').getHost() == 'example.com:8443' && url('https://example.com:8443/a').getPort() == '8443'",
      "url('https://example.com/a%20b').getEscapedPath() == '/a%20b' && url('/p').getScheme() == ''",
      "url('https://h/?k=1&k=2').getQuery()['k'] == ['1', '2']",
      "isQuantity('500m') && isQuantity('1Gi') && !isQuantity('1GB')",
      "quantity('1Gi').isGreaterThan(quantity('1G')) && quantity('500m').isLessThan(quantity('1'))",
      "quantity('2').isInteger() && quantity('2').asInteger() == 2 && quantity('1k').compareTo(quantity('1000')) == 0",
      "quantity('1').add(quantity('500m')).asApproximateFloat() == 1.5 && quantity('-1').sign() == -1",
    ])
      assert.equal(holds(rule), 'pass', rule);
  });

  it('self, defaults and escaped property names', () => {
    assert.equal(
      holds('has(self.__namespace__) && self.__namespace__ == "x"', new Map([['__namespace__', 'x']])),
      'pass',
    );
    assert.equal(holds('self.a > 1', new Map([['a', 1n]])), 'fail');
    assert.equal(escapeProperty('namespace'), '__namespace__');
    assert.equal(escapeProperty('x-y.z'), 'x__dash__y__dot__z');
    assert.equal(escapeProperty('a__b'), 'a__underscores__b');
    assert.equal(escapeProperty('metadata'), 'metadata');
  });

  it('what kubeway cannot tell is not a failure: evaluation errors, transition rules, rules that do not parse', () => {
    assert.equal(holds('self.missing == 1', new Map()), 'error');
    assert.equal(holds('noSuchFunction(self)', 1n), 'error');
    assert.equal(holds('self == oldSelf'), 'not compiled');
    assert.equal(holds('self.a ==== 1'), 'not compiled');
  });

  it('IP addresses as Go netip parses them', () => {
    assert.deepEqual(parseIP('1.2.3.4'), new Uint8Array([1, 2, 3, 4]));
    assert.deepEqual([...parseIP('::ffff:1.2.3.4')!].slice(10), [255, 255, 1, 2, 3, 4]);
    assert.equal(parseIP('1.2.3'), undefined);
    assert.equal(parseIP('1::2::3'), undefined);
    assert.equal(parseIP('fe80::1%eth0'), undefined);
    assert.equal(parseIP('1:2:3:4:5:6:7:8')?.length, 16);
    assert.equal(parseIP('1:2:3:4:5:6:7:8:9'), undefined);
  });
});
