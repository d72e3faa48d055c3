import { describe, expect, it } from 'vitest';
import { allowedHostNames, hostNameOf, isLoopback } from './host-check';

describe('host names', () => {
  it('reads the host of a Host header, without its port, in lower case', () => {
    expect(hostNameOf('Inbox.Example.com:8787')).toBe('inbox.example.com');
    expect(hostNameOf('127.0.0.1')).toBe('127.0.0.1');
    expect(hostNameOf('[::1]:8787')).toBe('::1');
    expect(hostNameOf('localhost.')).toBe('localhost');
    for (const bad of [undefined, '', 'a b', 'evil.example:80:80', '[::1', 'x'.repeat(400)])
      expect(hostNameOf(bad), String(bad)).toBeNull();
  });

  it('allows the loopback names, the bound address unless it is every interface, and the given names', () => {
    expect([...allowedHostNames('0.0.0.0')]).toEqual(['localhost', '127.0.0.1', '::1']);
    expect([...allowedHostNames('::', ['Inbox.Example.com', '[fd00::1]'])]).toEqual([
      'localhost',
      '127.0.0.1',
      '::1',
      'inbox.example.com',
      'fd00::1',
    ]);
    expect(allowedHostNames('10.0.0.5').has('10.0.0.5')).toBe(true);
  });

  it('tells a loopback bind from one on the network', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'inbox.example.com'])
      expect(isLoopback(host), host).toBe(false);
  });
});
