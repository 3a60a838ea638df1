/**
 * Zotero's item types, fields and creator types → CSL-JSON, the data model citation styles read.
 * Written from the two published vocabularies (Zotero's item type and field names, CSL 1.0.2's
 * variables); a field without a CSL variable is left out (Zotero-only bookkeeping such as
 * `libraryCatalog` or `rights`).
 */
import type { CslItem, CslName } from '../../shared/csl';

/** Item types that are not works: they are never imported as sources. */
export const NOT_WORKS = new Set(['note', 'attachment', 'annotation']);

const TYPES: Record<string, string> = {
  artwork: 'graphic',
  audioRecording: 'song',
  bill: 'bill',
  blogPost: 'post-weblog',
  book: 'book',
  bookSection: 'chapter',
  case: 'legal_case',
  computerProgram: 'software',
  conferencePaper: 'paper-conference',
  dataset: 'dataset',
  dictionaryEntry: 'entry-dictionary',
  document: 'document',
  email: 'personal_communication',
  encyclopediaArticle: 'entry-encyclopedia',
  film: 'motion_picture',
  forumPost: 'post',
  hearing: 'hearing',
  instantMessage: 'personal_communication',
  interview: 'interview',
  journalArticle: 'article-journal',
  letter: 'personal_communication',
  magazineArticle: 'article-magazine',
  manuscript: 'manuscript',
  map: 'map',
  newspaperArticle: 'article-newspaper',
  patent: 'patent',
  podcast: 'broadcast',
  preprint: 'article',
  presentation: 'speech',
  radioBroadcast: 'broadcast',
  report: 'report',
  standard: 'standard',
  statute: 'legislation',
  thesis: 'thesis',
  tvBroadcast: 'broadcast',
  videoRecording: 'motion_picture',
  webpage: 'webpage',
};

/** Zotero field → CSL variable (type-specific fields map to their base field's variable). */
const FIELDS: Record<string, string> = {
  title: 'title',
  caseName: 'title',
  nameOfAct: 'title',
  subject: 'title',
  abstractNote: 'abstract',
  publicationTitle: 'container-title',
  bookTitle: 'container-title',
  proceedingsTitle: 'container-title',
  websiteTitle: 'container-title',
  blogTitle: 'container-title',
  forumTitle: 'container-title',
  encyclopediaTitle: 'container-title',
  dictionaryTitle: 'container-title',
  programTitle: 'container-title',
  reporter: 'container-title',
  code: 'container-title',
  journalAbbreviation: 'container-title-short',
  shortTitle: 'title-short',
  series: 'collection-title',
  seriesTitle: 'collection-title',
  seriesNumber: 'collection-number',
  publisher: 'publisher',
  university: 'publisher',
  institution: 'publisher',
  company: 'publisher',
  label: 'publisher',
  distributor: 'publisher',
  studio: 'publisher',
  network: 'publisher',
  repository: 'publisher',
  organization: 'publisher',
  court: 'authority',
  legislativeBody: 'authority',
  place: 'publisher-place',
  volume: 'volume',
  codeVolume: 'volume',
  reporterVolume: 'volume',
  issue: 'issue',
  pages: 'page',
  firstPage: 'page',
  codePages: 'page',
  numPages: 'number-of-pages',
  numberOfVolumes: 'number-of-volumes',
  edition: 'edition',
  number: 'number',
  reportNumber: 'number',
  billNumber: 'number',
  patentNumber: 'number',
  docketNumber: 'number',
  publicLawNumber: 'number',
  episodeNumber: 'number',
  section: 'section',
  DOI: 'DOI',
  ISBN: 'ISBN',
  ISSN: 'ISSN',
  url: 'URL',
  language: 'language',
  archive: 'archive',
  archiveLocation: 'archive_location',
  callNumber: 'call-number',
  extra: 'note',
  genre: 'genre',
  reportType: 'genre',
  thesisType: 'genre',
  websiteType: 'genre',
  letterType: 'genre',
  manuscriptType: 'genre',
  presentationType: 'genre',
  postType: 'genre',
  medium: 'medium',
  artworkMedium: 'medium',
  videoRecordingFormat: 'medium',
  audioRecordingFormat: 'medium',
  interviewMedium: 'medium',
  runningTime: 'dimensions',
  artworkSize: 'dimensions',
  scale: 'scale',
  meetingName: 'event-title',
  conferenceName: 'event-title',
  versionNumber: 'version',
};

/** Date fields → CSL date variables. */
const DATES: Record<string, string> = {
  date: 'issued',
  dateDecided: 'issued',
  dateEnacted: 'issued',
  issueDate: 'issued',
  accessDate: 'accessed',
  filingDate: 'submitted',
};

/** Zotero creator type → CSL name variable; primary creators of any type are authors. */
const CREATORS: Record<string, string> = {
  author: 'author',
  editor: 'editor',
  seriesEditor: 'collection-editor',
  bookAuthor: 'container-author',
  translator: 'translator',
  reviewedAuthor: 'reviewed-author',
  recipient: 'recipient',
  interviewer: 'interviewer',
  director: 'director',
  composer: 'composer',
  illustrator: 'illustrator',
  guest: 'guest',
  host: 'host',
  narrator: 'narrator',
  organizer: 'organizer',
  performer: 'performer',
  producer: 'producer',
  scriptwriter: 'script-writer',
  inventor: 'author',
  artist: 'author',
  cartographer: 'author',
  programmer: 'author',
  interviewee: 'author',
  presenter: 'author',
  podcaster: 'author',
  sponsor: 'author',
  cosponsor: 'author',
  castMember: 'performer',
  wordsBy: 'author',
  contributor: 'contributor',
  attorneyAgent: 'contributor',
  counsel: 'contributor',
  commenter: 'contributor',
};

export interface ZoteroCreator {
  creatorType: string;
  firstName: string | null;
  lastName: string | null;
  /** 1: a single-field name (an organization) kept whole */
  fieldMode: number | null;
}

/**
 * A Zotero date as stored: "2019-03-12 12 March 2019" — an SQL-style date with 00 for unknown
 * parts, then the text as typed. CSL date-parts from the first; the raw text when it has no year.
 */
export function zoteroDate(value: string): CslItem['issued'] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m && Number(m[1]) > 0) {
    const parts = [Number(m[1])];
    if (Number(m[2]) > 0) {
      parts.push(Number(m[2]));
      if (Number(m[3]) > 0) parts.push(Number(m[3]));
    }
    return { 'date-parts': [parts] };
  }
  const raw = value.replace(/^0000-00-00\s*/, '').trim();
  return raw ? { raw } : null;
}

export function zoteroToCsl(
  key: string,
  typeName: string,
  fields: Record<string, string>,
  creators: ZoteroCreator[],
): CslItem {
  const item: CslItem = { id: `zotero:${key}`, type: TYPES[typeName] ?? 'document' };
  const csl = item as Record<string, unknown>;
  for (const [name, value] of Object.entries(fields)) {
    const text = value.trim();
    if (!text) continue;
    const dateVariable = DATES[name];
    if (dateVariable) {
      const date = zoteroDate(text);
      if (date && csl[dateVariable] === undefined) csl[dateVariable] = date;
      continue;
    }
    const variable = FIELDS[name];
    if (variable && csl[variable] === undefined) csl[variable] = text;
  }
  for (const creator of creators) {
    const variable = CREATORS[creator.creatorType] ?? 'author';
    const name = creatorName(creator);
    if (!name) continue;
    const list = (csl[variable] as CslName[] | undefined) ?? [];
    list.push(name);
    csl[variable] = list;
  }
  return item;
}

function creatorName({ firstName, lastName, fieldMode }: ZoteroCreator): CslName | null {
  const family = (lastName ?? '').trim();
  const given = (firstName ?? '').trim();
  if (fieldMode === 1) return family ? { literal: family } : null;
  if (family) return given ? { family, given } : { family };
  return given ? { literal: given } : null;
}
