// SPDX-License-Identifier: EUPL-1.2
import { expect } from '@open-wc/testing';
import { API, heldArrived, holdNext, release } from '../../test/helpers.js';
import { ApiUnavailable, requestAllPages, requestJson } from './api.js';

describe('requestJson', () => {
  it('gives up after its timeout with ApiUnavailable (worth a retry), and the request is really dropped', async () => {
    await holdNext('/city');
    const answer = requestJson(`${API}/city`, { timeout: 300 }).catch((e: unknown) => e);
    await heldArrived();
    const error = await answer;
    expect(error).to.be.instanceOf(ApiUnavailable);
    expect((error as Error).message).to.equal('No answer after 300 ms');
    expect((await release()).aborted).to.be.true;
  });

  it('rejects with the reason of its signal when aborted, so a replaced request is told apart from a failure', async () => {
    await holdNext('/city');
    const controller = new AbortController();
    const answer = requestJson(`${API}/city`, { signal: controller.signal }).catch((e: unknown) => e);
    await heldArrived();
    controller.abort();
    const error = await answer;
    expect(error).to.not.be.instanceOf(ApiUnavailable);
    expect((error as DOMException).name).to.equal('AbortError');
    expect((await release()).aborted).to.be.true;
  });

  it('reads the answer when it comes in time', async () => {
    const city = await requestJson<{ id: string }>(`${API}/city`, { timeout: 5000 });
    expect(city.id).to.equal('valence');
  });
});

describe('requestAllPages', () => {
  // /etag-api pages by 2 (web-test-runner.config.mjs).
  const five = ['A', 'B', 'C', 'D', 'E'].map((title) => ({ id: title, title }));
  const reset = () =>
    fetch('/etag-api/__reset', { method: 'POST', body: JSON.stringify({ engagements: five, city: { name: 'Valence' } }) });

  it('follows next to the last page and answers every item with the first page’s extras, without next', async () => {
    await reset();
    const all = await requestAllPages<Record<string, unknown>>('/etag-api/engagements', 'engagements');
    expect(all).to.deep.equal({ engagements: five, city: { name: 'Valence' } });
  });

  it('stops after maxPages', async () => {
    await reset();
    const some = await requestAllPages<{ engagements: unknown[] }>('/etag-api/engagements', 'engagements', {}, 2);
    expect(some.engagements.map((e) => (e as { id: string }).id)).to.deep.equal(['A', 'B', 'C', 'D']);
  });
});
