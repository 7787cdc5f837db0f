// The shape of the hand-checked annotations in ../shared/eval/golden/ (see its README).

export interface GoldenArticle {
  headline: string | null;
  subheadlines: string[];
  bodyStart: string | null;
  reporters: string[];
  correspondents: string[];
  kind: string;
  continues: string | null;
  continuedFrom: string | null;
  notes?: string;
}

export interface GoldenIssue {
  seed: string;
  issue: { date: string | null; issueNo: number | null; pageCount: number | null; dateEvidence: string };
  articles: GoldenArticle[];
  people: { name: string; titles: string[]; role: string; mentionsIn: number }[];
  places: { name: string; type: string; inZhuzhou: boolean | null }[];
  organizations: { name: string; aliases: string[]; type: string; inZhuzhou: boolean | null }[];
  figures: {
    text: string;
    value: number;
    unit: string;
    metric: string | null;
    subject: string | null;
    period: string | null;
    qualifier: string;
    articleHeadline: string | null;
  }[];
}
