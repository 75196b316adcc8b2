// The interactive `visit log` in Chinese, in a real terminal (tmux): no English on screen at any step, and the visit saved.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, query, sampleDb, tmpDir } from '../helpers.js';

let db: string;
beforeAll(() => {
  db = sampleDb({ visits: true });
});

function hasTmux(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

// What the prompt library prints in English when left alone: key hints, yes/no, its own errors.
const ENGLISH = /navigate|select|submit|invert|\ball\b|space|Enter|Y\/n|y\/N|\bYes\b|\bNo\b|must|results|choice|disabled|Borrower|Visit date|Officer|Outcomes/;

describe('the visit log wizard in Chinese under a real terminal', () => {
  const tmux = hasTmux();
  if (!tmux) console.warn('tmux is not installed: skipping the real-terminal test of the Chinese wizard (install tmux to run it).');
  it.skipIf(!tmux)('shows no English at any step and saves the visit', async () => {
    const dir = tmpDir();
    const rcFile = path.join(dir, 'rc');
    const sock = `fvzh-${process.pid}-${Date.now()}`;
    const t = (...a: string[]) => spawnSync('tmux', ['-L', sock, ...a], { encoding: 'utf8' });
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    // An English locale: the Chinese comes from --lang alone.
    const command = `env FIELDVISIT_DB=${q(db)} FIELDVISIT_TODAY=2026-11-22 LANG=en_US.UTF-8 NO_COLOR=1 TZ=Asia/Shanghai ${q(process.execPath)} ${q(BIN)} --lang zh visit log; echo $? > ${q(rcFile)}; sleep 60`;
    expect(t('new-session', '-d', '-x', '120', '-y', '50', command).status).toBe(0);
    const screen = () => t('capture-pane', '-p', '-S', '-200').stdout;
    const screens: string[] = [];
    const waitFor = async (re: RegExp) => {
      const end = Date.now() + 15000;
      while (Date.now() < end) {
        const s = screen();
        if (re.test(s)) {
          screens.push(s);
          return s;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${re}; screen:\n${screen()}`);
    };
    try {
      // The borrower search, with its key hints.
      // The channel comes first (issue 10): a field visit is the default; its hints must be Chinese too.
      let s = await waitFor(/联系方式/);
      expect(s).not.toMatch(ENGLISH);
      t('send-keys', 'Enter');
      s = await waitFor(/借款人（输入姓名/);
      expect(s).toMatch(/↑↓ 移动 • 回车 选择/);
      t('send-keys', '-l', '盘石生');
      await waitFor(/❯ 盘石生 {2}马头冲村委/);
      t('send-keys', 'Enter');
      await waitFor(/走访日期 \(2026-11-22\)/);
      t('send-keys', 'Enter');
      await waitFor(/催收员/);
      t('send-keys', '-l', '张明');
      t('send-keys', 'Enter');
      // The outcome checkbox: its hints, and its "choose at least one" message in Chinese.
      s = await waitFor(/走访结果（空格选择/);
      expect(s).toMatch(/↑↓ 移动 • 空格 选择 • a 全选 • i 反选 • 回车 确认/);
      t('send-keys', 'Enter');
      await waitFor(/请至少选择一项/);
      t('send-keys', 'Space', 'Down', 'Down', 'Down', 'Down', 'Down', 'Space');
      await waitFor(/◉ 签回催收通知书[\s\S]*◉ 其他情况/);
      t('send-keys', 'Enter');
      await waitFor(/通知书编号（没有可留空）/);
      t('send-keys', 'Enter');
      // A select, with its hints.
      s = await waitFor(/谁签的？/);
      expect(s).toMatch(/回车 选择/);
      t('send-keys', 'Enter');
      await waitFor(/情况说明/);
      t('send-keys', '-l', '借款人说下月还');
      t('send-keys', 'Enter');
      // The confirm: 是/否 with the default in brackets; a wrong answer is refused in Chinese.
      s = await waitFor(/需要主管或部门协助吗？ \(是\/\[否\]\)/);
      t('send-keys', '-l', 'x');
      t('send-keys', 'Enter');
      await waitFor(/请回答“是”或“否”/);
      t('send-keys', 'BSpace');
      t('send-keys', 'Enter');
      await waitFor(/需要主管或部门协助吗？ 否/);
      s = await waitFor(/保存这次走访？ \(\[是\]\/否\)/);
      expect(s).toMatch(/将保存/);
      t('send-keys', 'Enter');
      const end = Date.now() + 15000;
      while (!fs.existsSync(rcFile) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      expect(fs.readFileSync(rcFile, 'utf8').trim()).toBe('0');
      s = await waitFor(/已保存走访 #33：盘石生，2026-11-22，张明/);
      expect(s).toMatch(/保存这次走访？ 是/);
      expect(s).toMatch(/走访结果（空格选择，回车确认） 签回催收通知书、其他情况/);
      for (const sc of screens) expect(sc.match(ENGLISH)?.[0], sc).toBeUndefined();
      expect(query(db, `SELECT kind FROM visit_outcomes WHERE visit_id = 33 ORDER BY kind`).map((r) => r.kind)).toEqual(['note', 'notice-signed']);
      expect(query(db, `SELECT note FROM visits WHERE id = 33`)).toEqual([{ note: '借款人说下月还' }]);
    } finally {
      t('kill-server');
    }
  });

  it('the check would catch the English hints', () => {
    for (const english of ['↑↓ navigate • ⏎ select', '? Save this visit? (Y/n)', '✔ Save this visit? Yes', 'space select • a all • i invert • ⏎ submit', '> At least one choice must be selected'])
      expect(english).toMatch(ENGLISH);
  });
});
