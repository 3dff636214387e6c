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
    date: 'd.month_end',
    dims: {
      ...timeDims('d.month_end'),
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
