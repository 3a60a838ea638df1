import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TimelineClaims } from '../../../../../shared/timeline-claims';
import { layoutTimeline, ticks, type TimelineLayout } from './layout';

interface Props {
  data: TimelineClaims;
  selected: number | null;
  onSelect: (index: number | null) => void;
  onOpen: (index: number) => void;
}

/** bar height bounds: thick bars for a few claims, thin ones when thousands stack */
const MIN_ROW = 4;
const MAX_ROW = 16;
const AXIS = 24;
const LABEL = 16;
const GAP = 14;
/** a bar's opacity: overlapping bars show darker */
const ALPHA = 0.8;

/** Colours by claim type; read from CSS custom properties so light and dark themes both apply. */
const PALETTE_VARS = ['--tl-1', '--tl-2', '--tl-3', '--tl-4', '--tl-5', '--tl-6'];

/** The whole span with a margin: what Home and new data show. */
function fitted(layout: TimelineLayout): { start: number; end: number } {
  const pad = Math.max(1, (layout.max - layout.min) * 0.02);
  return { start: layout.min - pad, end: layout.max + pad };
}

/**
 * The timeline on one canvas: at 100,000 claims, one DOM node per bar would take seconds to lay
 * out; a canvas draws them in a few milliseconds per frame. Zoom with the wheel or + / −, pan by
 * dragging or with ← / →, Home fits everything; a click selects the bar under the pointer, Enter or a
 * double click opens its passage.
 */
export function TimelineCanvas({ data, selected, onSelect, onOpen }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const layout = useMemo(() => layoutTimeline(data), [data]);
  // null until measured: drawing at a guessed size first would draw 100,000 bars twice
  const [measured, setMeasured] = useState<{ width: number; height: number } | null>(null);
  const size = measured ?? { width: 800, height: 300 };
  const [view, setView] = useState(() => fitted(layout));
  // new data fits the view to it, in the same render (an effect would draw the old view first)
  const [viewFor, setViewFor] = useState(layout);
  if (viewFor !== layout) {
    setViewFor(layout);
    setView(fitted(layout));
  }
  const [scheme, setScheme] = useState(0);

  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const measure = (width: number, height: number) => {
      const next = { width: Math.max(200, width), height: Math.max(160, height) };
      setMeasured((prev) =>
        prev && prev.width === next.width && prev.height === next.height ? prev : next,
      );
    };
    measure(wrap.clientWidth, wrap.clientHeight);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) measure(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(wrap);
    const media = matchMedia('(prefers-color-scheme: dark)');
    const redraw = () => setScheme((s) => s + 1);
    media.addEventListener('change', redraw);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', redraw);
    };
  }, []);

  const fixed = AXIS + 2 * LABEL + GAP + 8;
  const ROW = Math.max(
    MIN_ROW,
    Math.min(
      MAX_ROW,
      Math.floor((size.height - fixed) / Math.max(1, layout.eventRows + layout.publishedRows)),
    ),
  );
  const eventTop = AXIS + LABEL;
  const publishedTop = eventTop + layout.eventRows * ROW + GAP + LABEL;
  const height = Math.max(size.height, publishedTop + layout.publishedRows * ROW + 8);
  const dayToX = useCallback(
    (day: number) => ((day - view.start) / (view.end - view.start)) * size.width,
    [view, size.width],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !measured) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const css = getComputedStyle(canvas);
    const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const palette = PALETTE_VARS.map((v, i) =>
      color(v, ['#2c5a88', '#a0522d', '#2f6b3c', '#7b4f9d', '#8a6d1d', '#555'][i]!),
    );
    ctx.fillStyle = color('--paper', '#fff');
    ctx.fillRect(0, 0, size.width, height);

    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = color('--muted', '#777');
    ctx.strokeStyle = color('--border', '#ddd');
    ctx.lineWidth = 1;
    for (const t of ticks(view.start, view.end, Math.max(2, Math.floor(size.width / 90)))) {
      const x = Math.round(dayToX(t.day)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(x, AXIS - 6);
      ctx.lineTo(x, height);
      ctx.stroke();
      ctx.fillText(t.label, x + 3, AXIS - 10);
    }
    ctx.fillStyle = color('--text-2', '#444');
    ctx.fillText(
      `When it happened (${data.claimIds.length.toLocaleString()} claims)`,
      4,
      eventTop - 4,
    );
    ctx.fillText('When it was reported (publication dates)', 4, publishedTop - 4);

    // bars by type, one fillStyle per type; off-screen bars skipped. A bar that stands for k claims
    // is drawn once with the opacity of k bars of ALPHA drawn over each other (1 - (1 - ALPHA)^k):
    // one colour's strokes commute, so the picture is the same as drawing every claim
    const n = data.claimIds.length;
    const { bars, typeStart } = layout;
    const scale = size.width / (view.end - view.start);
    for (let type = 0; type < data.types.length; type++) {
      ctx.fillStyle = palette[type % palette.length]!;
      for (let b = typeStart[type]!; b < typeStart[type + 1]!; b++) {
        const s = bars.start[b]!;
        const e = bars.end[b]!;
        if (e < view.start || s > view.end) continue;
        ctx.globalAlpha = 1 - (1 - ALPHA) ** bars.count[b]!;
        const x0 = (s - view.start) * scale;
        ctx.fillRect(x0, eventTop + bars.row[b]! * ROW, Math.max(2, (e - s) * scale), ROW - 1);
      }
    }
    ctx.globalAlpha = 1;
    ctx.fillStyle = color('--muted', '#777');
    for (const p of layout.published) {
      if (p.end < view.start || p.start > view.end) continue;
      const x0 = dayToX(p.start);
      ctx.fillRect(x0, publishedTop + p.row * ROW, Math.max(2, dayToX(p.end) - x0), ROW - 1);
    }
    if (selected !== null && selected < n) {
      const x0 = dayToX(data.eventStart[selected]!);
      const y = eventTop + layout.eventRow[selected]! * ROW;
      ctx.strokeStyle = color('--focus', '#2f74d0');
      ctx.lineWidth = 2;
      ctx.strokeRect(
        x0 - 2,
        y - 2,
        Math.max(2, dayToX(data.eventEnd[selected]!) - x0) + 4,
        ROW + 3,
      );
      const pub = layout.published.find((p) => p.documentIndex === data.documentIndex[selected]);
      if (pub) {
        // when it happened → when it was reported
        ctx.beginPath();
        ctx.moveTo(x0, y + ROW);
        ctx.lineTo(dayToX(pub.start), publishedTop + pub.row * ROW);
        ctx.stroke();
      }
    }
    // for the benchmark and tests: how many claims the last frame drew from
    if (wrapRef.current) wrapRef.current.dataset.drawn = String(n);
  }, [
    data,
    layout,
    view,
    measured,
    size.width,
    height,
    selected,
    dayToX,
    eventTop,
    publishedTop,
    scheme,
    ROW,
  ]);

  const zoom = (factor: number, atX = size.width / 2) => {
    setView((v) => {
      const at = v.start + (atX / size.width) * (v.end - v.start);
      const span = Math.max(2, Math.min(365 * 500, (v.end - v.start) * factor));
      const start = at - ((at - v.start) / (v.end - v.start)) * span;
      return { start, end: start + span };
    });
  };
  const pan = (fraction: number) =>
    setView((v) => ({
      start: v.start + (v.end - v.start) * fraction,
      end: v.end + (v.end - v.start) * fraction,
    }));

  const hit = (x: number, y: number): number | null => {
    const row = Math.floor((y - eventTop) / ROW);
    if (row < 0 || row >= layout.eventRows) return null;
    const day = view.start + (x / size.width) * (view.end - view.start);
    const slack = (3 / size.width) * (view.end - view.start);
    let best: number | null = null;
    for (let i = 0; i < data.claimIds.length; i++) {
      if (layout.eventRow[i] !== row) continue;
      if (data.eventStart[i]! - slack <= day && day <= data.eventEnd[i]! + slack) {
        if (
          best === null ||
          data.eventEnd[i]! - data.eventStart[i]! < data.eventEnd[best]! - data.eventStart[best]!
        )
          best = i;
      }
    }
    return best;
  };

  const drag = useRef<{ x: number; moved: boolean } | null>(null);
  return (
    <div
      ref={wrapRef}
      className="timeline-canvas-wrap"
      role="application"
      aria-roledescription="timeline"
      aria-label="Timeline of claims by event date, with publication dates below. + and − zoom, arrow keys pan, Home fits, Tab to the table for each claim."
      tabIndex={0}
      onKeyDown={(e) => {
        const keys: Record<string, () => void> = {
          '+': () => zoom(0.7),
          '=': () => zoom(0.7),
          '-': () => zoom(1 / 0.7),
          ArrowLeft: () => pan(-0.15),
          ArrowRight: () => pan(0.15),
          Home: () => setView(fitted(layout)),
          Enter: () => selected !== null && onOpen(selected),
          Escape: () => onSelect(null),
        };
        const run = keys[e.key];
        if (run && !e.ctrlKey && !e.metaKey && !e.altKey) {
          e.preventDefault();
          run();
        }
      }}
    >
      <canvas
        ref={canvasRef}
        style={{ width: size.width, height }}
        onWheel={(e) => zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, e.nativeEvent.offsetX)}
        onPointerDown={(e) => {
          drag.current = { x: e.clientX, moved: false };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d) return;
          const dx = e.clientX - d.x;
          if (Math.abs(dx) > 2) d.moved = true;
          if (!d.moved) return;
          d.x = e.clientX;
          setView((v) => {
            const shift = (dx / size.width) * (v.end - v.start);
            return { start: v.start - shift, end: v.end - shift };
          });
        }}
        onPointerUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (d && !d.moved) onSelect(hit(e.nativeEvent.offsetX, e.nativeEvent.offsetY));
        }}
        onDoubleClick={(e) => {
          const i = hit(e.nativeEvent.offsetX, e.nativeEvent.offsetY);
          if (i !== null) onOpen(i);
        }}
      />
    </div>
  );
}
