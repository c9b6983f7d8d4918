import assert from 'node:assert/strict';
import { it } from 'node:test';
import { formatProblem } from '../../../server/src/engine/crd/formats';
it('formats as kube-openapi strfmt checks them', () => {
  const ok = (f: string, v: string) => assert.equal(formatProblem(f, v), undefined, `${f} ${v}`);
  const bad = (f: string, v: string) => assert.equal(formatProblem(f, v), `must be of format \`${f}\`: \`${v}\` is not.`, `${f} ${v}`);
  ok('ipv4', '10.0.0.1'); ok('ipv4', '::ffff:10.0.0.1'); bad('ipv4', '010.0.0.1'); bad('ipv4', 'fd00::1'); bad('ipv4', '10.0.0');
  ok('ipv6', 'fd00::1'); bad('ipv6', '10.0.0.1'); bad('ipv6', 'fe80::1%eth0');
  ok('cidr', '10.0.0.0/8'); ok('cidr', '10.1.2.3/8'); ok('cidr', 'fd00::/64'); bad('cidr', '10.0.0.0/33'); bad('cidr', '10.0.0.0');
  ok('hostname', 'example.com'); ok('hostname', 'localhost'); ok('hostname', 'a-b.example.co'); bad('hostname', '-a.example.com'); bad('hostname', 'a_b.example.com'); bad('hostname', `${'a'.repeat(64)}.com`);
  ok('uuid', '123e4567-e89b-12d3-a456-426614174000'); bad('uuid', '123e4567'); ok('uuid4', '123e4567-e89b-42d3-a456-426614174000'); bad('uuid4', '123e4567-e89b-12d3-a456-426614174000');
  ok('date', '2024-02-29'); bad('date', '2023-02-29'); ok('date-time', '2024-01-02T03:04:05Z'); ok('date-time', '2024-01-02T03:04:05.123+01:00'); bad('date-time', '2024-01-02');
  ok('duration', '1h30m'); ok('duration', '22 ns'); ok('duration', '3 days'); bad('duration', 'soon');
  ok('uri', 'https://example.com/x'); ok('uri', '/path'); bad('uri', 'example.com');
  ok('mac', '00:1a:2b:3c:4d:5e'); bad('mac', '00:1a:2b:3c:4d'); ok('bsonobjectid', '507f1f77bcf86cd799439011'); ok('hexcolor', '#fff'); bad('hexcolor', '#ffff');
  ok('email', 'a@example.com'); bad('email', 'not-an-email');
  assert.equal(formatProblem('int32', 'x'), undefined); assert.equal(formatProblem('something-else', 'x'), undefined);
});
