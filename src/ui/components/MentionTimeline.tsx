// A small plot of an entity's mentions by issue date: one mark (a stem and a dot, its height the
// number of mentions) per date on a time axis, the first and last dates and the years between
// labelled below, the counts at the left. It is one image to assistive technology (role="img"),
// named by a sentence that says what it shows; colours come from the page's CSS variables.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TimelinePoint } from '../../archive/entity-profile';
import { formatIssueDate } from '../format';
import { useI18n, type I18n } from '../i18n';

export interface MentionTimelineProps {
  /** Oldest first, one per issue date. */
  points: TimelinePoint[];
  /** Mentions in issues whose date is unknown: not plotted, but named in the summary. */
  undated?: number;
}

// The drawing's units are CSS pixels: the plot is redrawn at its box's width (so labels keep their
// size on a phone); before it is measured, and where it cannot be, it is drawn at WIDTH and scales.
const WIDTH = 640;
const MIN_WIDTH = 280;
const HEIGHT = 150;
const LEFT = 40;
const RIGHT = 16;
const TOP = 26;
const BOTTOM = 30;
/** Dots keep this far from the plot's ends. */
const INSET = 14;
const DOT = 4.5;

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** What the plot shows, in one sentence: `3 次提及，2022年8月24日至2024年1月27日`. */
export function timelineSummary(points: readonly TimelinePoint[], undated: number, { t, locale }: I18n): string {
  const count = points.reduce((sum, p) => sum + p.count, 0);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return t('timelineOnlyUndated', String(undated));
  const from = formatIssueDate(first.date, locale) ?? first.date;
  const to = formatIssueDate(last.date, locale) ?? last.date;
  const summary = first === last ? t('timelineSummaryOneDate', [String(count), from]) : t('timelineSummary', [String(count), from, to]);
  return undated > 0 ? t('timelineSummaryUndated', [summary, String(undated)]) : summary;
}

const yearFormatters = new Map<string, Intl.DateTimeFormat>();

function yearLabel(year: number, locale: string): string {
  let formatter = yearFormatters.get(locale);
  if (!formatter) yearFormatters.set(locale, (formatter = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' })));
  return formatter.format(new Date(Date.UTC(year, 0, 1)));
}

/** The rendered width of an element, kept up to date; `fallback` until it is known. */
function useWidth(fallback: number) {
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const measured = Math.round(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(Math.max(MIN_WIDTH, measured));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export function MentionTimeline({ points, undated = 0 }: MentionTimelineProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [ref, width] = useWidth(WIDTH);
  const summary = timelineSummary(points, undated, i18n);
  if (points.length === 0) return null;

  const x0 = LEFT + INSET;
  const x1 = width - RIGHT - INSET;
  const base = HEIGHT - BOTTOM;
  const days = points.map((p) => dayNumber(p.date));
  const [first, last] = [days[0]!, days[days.length - 1]!];
  const span = last - first;
  const xOf = (day: number) => (span === 0 ? (x0 + x1) / 2 : x0 + ((day - first) / span) * (x1 - x0));
  const max = Math.max(...points.map((p) => p.count));
  const yOf = (count: number) => base - (count / max) * (base - TOP);

  // Years that begin strictly inside the range, where their label does not crowd the end labels.
  const years: { x: number; label: string }[] = [];
  if (span > 0) {
    const [fromYear, toYear] = [Number(points[0]!.date.slice(0, 4)), Number(points[points.length - 1]!.date.slice(0, 4))];
    for (let year = fromYear + 1; year <= toYear; year++) {
      const x = xOf(Date.UTC(year, 0, 1) / DAY_MS);
      if (x - LEFT > 130 && width - RIGHT - x > 130) years.push({ x, label: yearLabel(year, locale) });
    }
  }
  const dateLabel = (date: string) => formatIssueDate(date, locale) ?? date;
  const single = points.length === 1;

  return (
    <svg
      ref={ref}
      class="timeline"
      data-zzl="timeline"
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title>{summary}</title>
      <text class="timeline-label timeline-axis-title" x={8} y={TOP - 12} text-anchor="start">
        {t('timelineAxisCount')}
      </text>
      <line class="timeline-grid" x1={LEFT} x2={width - RIGHT} y1={TOP} y2={TOP} />
      <text class="timeline-label" x={LEFT - 8} y={TOP} dy="0.35em" text-anchor="end">
        {String(max)}
      </text>
      <text class="timeline-label" x={LEFT - 8} y={base} dy="0.35em" text-anchor="end">
        0
      </text>
      <line class="timeline-axis" x1={LEFT} x2={width - RIGHT} y1={base} y2={base} />
      {years.map((year) => (
        <g key={year.label} class="timeline-year">
          <line class="timeline-tick" x1={year.x} x2={year.x} y1={base} y2={base + 5} />
          <text class="timeline-label" x={year.x} y={base + 18} text-anchor="middle">
            {year.label}
          </text>
        </g>
      ))}
      <text class="timeline-label" x={single ? xOf(days[0]!) : LEFT} y={base + 18} text-anchor={single ? 'middle' : 'start'}>
        {dateLabel(points[0]!.date)}
      </text>
      {!single && (
        <text class="timeline-label" x={width - RIGHT} y={base + 18} text-anchor="end">
          {dateLabel(points[points.length - 1]!.date)}
        </text>
      )}
      {points.map((point, i) => {
        const x = xOf(days[i]!);
        const y = yOf(point.count);
        return (
          <g key={point.date} class="timeline-mark" data-zzl="timeline-mark" data-date={point.date} data-count={point.count}>
            <title>{t('timelineMark', [dateLabel(point.date), String(point.count)])}</title>
            <line class="timeline-stem" x1={x} x2={x} y1={base} y2={y} />
            <circle class="timeline-dot" cx={x} cy={y} r={DOT} />
          </g>
        );
      })}
    </svg>
  );
}
