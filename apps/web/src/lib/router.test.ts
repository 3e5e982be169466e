import { describe, expect, it } from 'vitest';
import { matchPath } from './router';

describe('matchPath', () => {
  it('matches literal parts and captures named ones, decoded', () => {
    expect(matchPath('/products/:id', '/products/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/products/:id', '/products/1/edit')).toBeNull();
    expect(matchPath('/products/:id', '/brands/1')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
  });

  it('matches everything under a path ending in /*', () => {
    expect(matchPath('/portal/*', '/portal/products/1')).toEqual({});
    expect(matchPath('/portal/*', '/portal')).toEqual({});
    expect(matchPath('/portal/*', '/port')).toBeNull();
  });

  it('does not match a malformed escape', () => {
    expect(matchPath('/products/:id', '/products/%E0%A4%A')).toBeNull();
  });
});
