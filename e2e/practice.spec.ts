import { expect, node, press, test } from './fixtures';

test('practice mode: answer before the backward step is revealed, see the working, keep score', async ({ page }) => {
  await page.goto('./?lesson=circuit&step=3');
  await page.getByTestId('practice-toggle').click();
  const card = page.getByTestId('practice-card');
  await expect(card).toContainText('visits f');
  // Next does not reveal the step until it is answered.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await press(page, 'ArrowRight');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 3 of 8');
  await expect(node(page, 'q')).not.toHaveAttribute('data-grad', /.*/);

  // f = q · z: q gets local z = −4 and sends −4; z gets local q = 3 and sends 3 (typed wrong).
  await page.getByTestId('practice-local-0').fill('-4');
  await page.getByTestId('practice-sent-0').fill('−4');
  await page.getByTestId('practice-local-1').fill('3');
  await page.getByTestId('practice-sent-1').fill('-3');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('practice-working-0')).toContainText('Right');
  await expect(page.getByTestId('practice-working-1')).toContainText('Not quite');
  await expect(page.getByTestId('practice-score')).toHaveText('Score 3/4');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 4 of 8');
  await expect(node(page, 'q')).toHaveAttribute('data-grad', '-4');

  // The next one: add at q. Show the answer instead.
  await expect(card).toContainText('visits q');
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await expect(page.getByTestId('practice-score')).toHaveText('Score 3/8');
  await expect(page.getByTestId('practice-working-0').locator('[data-tex]').first()).toHaveAttribute('data-tex', /partial q\}\{\\partial x\} = 1/);
});

test('practice works on a typed program too', async ({ page }) => {
  await page.goto('./?program=a%20%3D%203%0Af%20%3D%20a%20*%20a&step=2');
  await page.getByTestId('practice-toggle').click();
  await page.getByTestId('practice-local-0').fill('3');
  await page.getByTestId('practice-sent-0').fill('3');
  await page.getByTestId('practice-local-1').fill('3');
  await page.getByTestId('practice-sent-1').fill('3');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('practice-score')).toHaveText('Score 4/4');
});
