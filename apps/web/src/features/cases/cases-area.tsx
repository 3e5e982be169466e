import type { AreaProps } from '../../lib/area';
import { matchPath } from '../../lib/router';
import { CaseListScreen } from './screens/case-list-screen';
import { CaseScreen } from './screens/case-screen';
import { NewCaseScreen } from './screens/new-case-screen';
import './cases.css';

/** The screens at /cases/*: the list (a right holder's inbox), a new case, one case. */
export default function CasesArea({ path, query }: AreaProps) {
  if (matchPath('/cases', path)) return <CaseListScreen query={query} />;
  if (matchPath('/cases/new', path)) return <NewCaseScreen productId={query.get('product')} />;
  const id = matchPath('/cases/:id', path)?.id;
  return id ? <CaseScreen key={id} caseId={id} /> : null;
}
