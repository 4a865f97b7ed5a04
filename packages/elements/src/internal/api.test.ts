// SPDX-License-Identifier: EUPL-1.2
import { expect } from '@open-wc/testing';
import { API, heldArrived, holdNext, release } from '../../test/helpers.js';
import { ApiUnavailable, requestJson } from './api.js';

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
