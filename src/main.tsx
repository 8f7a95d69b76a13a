import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { AppProviders, createAppQueryClient } from "@/app/providers";
import { createRoutes } from "@/app/router";
import { startTheme } from "@/features/theme/theme-store";
import "./index.css";

startTheme();
const queryClient = createAppQueryClient();
const router = createBrowserRouter(createRoutes());

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
