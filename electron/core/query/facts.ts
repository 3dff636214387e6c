import type { Dimension, Subject } from '../../../shared/catalogue';

/**
 * How each dimension reads from each fact table. These fragments are the only SQL a view spec can
 * reach: names come from the catalogue's whitelist, values always travel as parameters.
 */
export interface FactSql {
  from: string;
  /**
   * Where each row is placed in time: on a day (an ISO date column), or in a month (a YYYY-MM column)
   * that a date range keeps whenever it overlaps it, in part (shared/time.ts weighs the part).
   */
  time: { day: string } | { month: string };
  dims: Partial<Record<Dimension, string>>;
}

const hostJoins = (missionCol: string) =>
  `LEFT JOIN ref_mission m ON m.acronym = ${missionCol} LEFT JOIN ref_country hc ON hc.iso3 = m.host_iso3`;

const timeDims = (date: string): Partial<Record<Dimension, string>> => ({
  year: `substr(${date}, 1, 4)`,
  quarter: `substr(${date}, 1, 4) || '-Q' || ((CAST(substr(${date}, 6, 2) AS INTEGER) + 2) / 3)`,
  month: `substr(${date}, 1, 7)`,
});

/**
 * Deployments split by gender: each row read twice, once for its women and once for its men, with that
 * count as its strength (the files count both). Joined only when a view names gender.
 */
export const GENDER_SPLIT = {
  from: `CROSS JOIN (SELECT 'F' AS gender UNION ALL SELECT 'M') dg`,
  strength: `(CASE dg.gender WHEN 'F' THEN d.female ELSE d.male END)`,
};

/** A deployment row's strength, unsplit. */
export const STRENGTH_SQL = '(d.female + d.male)';

export const FACTS: Record<Subject, FactSql> = {
  fatalities: {
    from: `fatality f ${hostJoins('f.mission')}`,
    time: { day: 'f.incident_date' },
    dims: {
      ...timeDims('f.incident_date'),
      mission: 'f.mission',
      host_country: `coalesce(m.host_iso3, '')`,
      country: 'f.nationality_iso3',
      region: `coalesce(hc.region, '')`,
      personnel_type: 'f.personnel_type',
      service: 'f.service',
      incident_type: 'f.incident_type',
      gender: 'f.gender',
    },
  },
  deployments: {
    from: `deployment d ${hostJoins('d.mission')}`,
    time: { month: 'd.month' },
    dims: {
      ...timeDims('d.month'),
      mission: 'd.mission',
      host_country: `coalesce(m.host_iso3, '')`,
      country: 'd.country_iso3',
      region: `coalesce(hc.region, '')`,
      personnel_type: 'd.personnel_type',
      service: 'd.service',
      gender: 'dg.gender',
    },
  },
  ied: {
    from: `ied_incident i ${hostJoins('i.mission')}`,
    time: { day: 'i.event_date' },
    dims: {
      ...timeDims('i.event_date'),
      mission: `coalesce(i.mission, '')`,
      host_country: 'i.country_iso3',
      region: `coalesce((SELECT region FROM ref_country WHERE iso3 = i.country_iso3), '')`,
    },
  },
};
