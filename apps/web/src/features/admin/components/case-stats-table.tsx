import { useI18n } from '../../../lib/i18n';
import { statsStatuses, type ShapedStats } from '../case-stats';

interface Props {
  stats: ShapedStats;
  /** The id of the heading that names the table (and its scrolling region). */
  labelledBy: string;
  monthName: (month: string) => string;
  statusName: (status: string) => string;
  number: (n: number) => string;
}

/**
 * The charts' numbers as a table: a row per month, a column per state, the totals last. On a
 * phone each month is a card whose cells name their state; months and states with no case are
 * left out of the cards (the totals still count them), so the list stays short.
 */
export function CaseStatsTable({ stats, labelledBy, monthName, statusName, number }: Props) {
  const { t } = useI18n();
  const cells = (counts: Record<string, number>) =>
    statsStatuses.map((status) => (
      <td key={status} data-label={statusName(status)} className={counts[status] === 0 ? 'stats-zero' : undefined}>
        {number(counts[status] ?? 0)}
      </td>
    ));
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="data-table stats-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.stats.month')}</th>
            {statsStatuses.map((status) => (
              <th key={status} scope="col">
                {statusName(status)}
              </th>
            ))}
            <th scope="col">{t('admin.stats.total')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.months.map((column) => (
            <tr key={column.month} className={column.total === 0 ? 'stats-zero' : undefined}>
              <th scope="row">{monthName(column.month)}</th>
              {cells(column.counts)}
              <td data-label={t('admin.stats.total')}>
                <strong>{number(column.total)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('admin.stats.wholePeriod')}</th>
            {cells(stats.totals)}
            <td data-label={t('admin.stats.total')}>
              <strong>{number(stats.total)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
