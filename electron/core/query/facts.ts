import type { Dimension, Subject } from '../../../shared/catalogue';

/**
 * How each dimension reads from each fact table. These fragments are the only SQL a view spec can
 * reach: names come from the catalogue's whitelist, values always travel as parameters.
 */
export interface FactSql {
  from: string;
  /** The column holding the ISO date each row is placed at in time. */
  date: string;
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
 * The last day of a YYYY-MM month column, as deployment.month_end (a virtual column) defines it; written
 * out on month so that an index holding month covers queries on dates.
 */
const monthEnd = (month: string) =>
  `(${month} || '-' || CASE substr(${month}, 6, 2) WHEN '02' THEN CASE WHEN CAST(substr(${month}, 1, 4) AS INTEGER) % 4 = 0 AND (CAST(substr(${month}, 1, 4) AS INTEGER) % 100 <> 0 OR CAST(substr(${month}, 1, 4) AS INTEGER) % 400 = 0) THEN '29' ELSE '28' END WHEN '04' THEN '30' WHEN '06' THEN '30' WHEN '09' THEN '30' WHEN '11' THEN '30' ELSE '31' END)`;

export const FACTS: Record<Subject, FactSql> = {
  fatalities: {
    from: `fatality f ${hostJoins('f.mission')}`,
    date: 'f.incident_date',
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
    date: monthEnd('d.month'),
    dims: {
      // The month is the first seven characters of month_end: year, quarter and month read it directly.
      ...timeDims('d.month'),
      mission: 'd.mission',
      host_country: `coalesce(m.host_iso3, '')`,
      country: 'd.country_iso3',
      region: `coalesce(hc.region, '')`,
      personnel_type: 'd.personnel_type',
      service: 'd.service',
    },
  },
  ied: {
    from: `ied_incident i ${hostJoins('i.mission')}`,
    date: 'i.event_date',
    dims: {
      ...timeDims('i.event_date'),
      mission: `coalesce(i.mission, '')`,
      host_country: 'i.country_iso3',
      region: `coalesce((SELECT region FROM ref_country WHERE iso3 = i.country_iso3), '')`,
    },
  },
};
