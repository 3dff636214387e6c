import { create } from 'zustand';
import { createFiguresSlice, type FiguresSlice } from './figuresSlice';
import { createImportSlice, type ImportSlice } from './importSlice';
import { createLinkSlice, type LinkSlice } from './linkSlice';
import { createPackSlice, type PackSlice } from './packSlice';
import { createPivotSlice, type PivotSlice } from './pivotSlice';
import { createSourceRowsSlice, type SourceRowsSlice } from './sourceRowsSlice';
import { createTrendSlice, type TrendSlice } from './trendSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice';
import { createSavedViewSlice, type SavedViewSlice } from './savedViewSlice';
import { createAnnotationSlice, type AnnotationSlice } from './annotationSlice';
import { createMapOptionsSlice, type MapOptionsSlice } from './mapOptionsSlice';

export type BluehelmState = ViewSlice & WorkspaceSlice & UiSlice & ImportSlice & TrendSlice & FiguresSlice & SourceRowsSlice & PackSlice & SavedViewSlice & AnnotationSlice & LinkSlice & PivotSlice & MapOptionsSlice;

export const useBluehelm = create<BluehelmState>()((...a) => ({
  ...createViewSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createUiSlice(...a),
  ...createImportSlice(...a),
  ...createTrendSlice(...a),
  ...createFiguresSlice(...a),
  ...createSourceRowsSlice(...a),
  ...createPackSlice(...a),
  ...createSavedViewSlice(...a),
  ...createAnnotationSlice(...a),
  ...createLinkSlice(...a),
  ...createPivotSlice(...a),
  ...createMapOptionsSlice(...a),
}));
