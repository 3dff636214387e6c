import { create } from 'zustand';
import { createImportSlice, type ImportSlice } from './importSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice';

export type BluehelmState = ViewSlice & WorkspaceSlice & UiSlice & ImportSlice;

export const useBluehelm = create<BluehelmState>()((...a) => ({
  ...createViewSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createUiSlice(...a),
  ...createImportSlice(...a),
}));
